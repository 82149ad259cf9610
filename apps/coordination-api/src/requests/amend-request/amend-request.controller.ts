import { ApiTags } from '@nestjs/swagger';
import { TransitionController } from '../../http/transition-controller';
import { AmendRequestDto } from './amend-request.dto';
import { AmendRequestCommand } from './amend-request.handler';

@ApiTags('help requests')
export class AmendRequestController extends TransitionController(AmendRequestCommand, AmendRequestDto, {
  route: 'PATCH v1/requests/:id',
  roles: ['officer'],
  summary: 'Amend title, description, budget or neededBy. Role: officer.',
}) {}
