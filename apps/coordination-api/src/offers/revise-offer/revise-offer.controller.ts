import { ApiTags } from '@nestjs/swagger';
import { TransitionController } from '../../http/transition-controller';
import { ReviseOfferDto } from './revise-offer.dto';
import { ReviseOfferCommand } from './revise-offer.handler';

@ApiTags('offers')
export class ReviseOfferController extends TransitionController(ReviseOfferCommand, ReviseOfferDto, {
  route: 'PATCH v1/offers/:id',
  roles: ['ngo'],
  summary:
    'Revise summary, amount, startDate or endDate of a submitted offer. Role: the offering ngo (others get 404).',
}) {}
