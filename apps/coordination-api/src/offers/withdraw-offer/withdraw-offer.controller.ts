import { ApiTags } from '@nestjs/swagger';
import { TransitionController } from '../../http/transition-controller';
import { ReasonDto } from '../../http/dto/reason.dto';
import { WithdrawOfferCommand } from './withdraw-offer.handler';

@ApiTags('offers')
export class WithdrawOfferController extends TransitionController(WithdrawOfferCommand, ReasonDto, {
  route: 'POST v1/offers/:id/withdrawal',
  roles: ['ngo'],
  summary: 'Withdraw a submitted offer. Role: the offering ngo (others get 404).',
}) {}
