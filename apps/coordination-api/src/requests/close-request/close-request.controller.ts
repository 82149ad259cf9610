import { ApiTags } from '@nestjs/swagger';
import { OptionalReasonDto } from '../../http/dto/optional-text.dto';
import { TransitionController } from '../../http/transition-controller';
import { CloseRequestCommand } from './close-request.handler';

@ApiTags('help requests')
export class CloseRequestController extends TransitionController(CloseRequestCommand, OptionalReasonDto, {
  route: 'POST v1/requests/:id/closure',
  roles: ['officer'],
  summary:
    'Close an open or matched request: it takes no more offers and no new matches (422); its matches go on. Role: officer.',
}) {}
