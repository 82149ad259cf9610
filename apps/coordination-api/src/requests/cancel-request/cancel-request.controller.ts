import { ApiTags } from '@nestjs/swagger';
import { TransitionController } from '../../http/transition-controller';
import { ReasonDto } from '../../http/dto/reason.dto';
import { CancelRequestCommand } from './cancel-request.handler';

@ApiTags('help requests')
export class CancelRequestController extends TransitionController(CancelRequestCommand, ReasonDto, {
  route: 'POST v1/requests/:id/cancellation',
  roles: ['officer'],
  summary: 'Cancel an open request (a matched one is closed through its match). Role: officer.',
}) {}
