import { ApiTags } from '@nestjs/swagger';
import { ReasonDto } from '../../http/dto/reason.dto';
import { TransitionController } from '../../http/transition-controller';
import { CancelMatchCommand } from './cancel-match.handler';

@ApiTags('matches')
export class CancelMatchController extends TransitionController(CancelMatchCommand, ReasonDto, {
  route: 'POST v1/matches/:id/cancellation',
  roles: ['officer'],
  summary:
    'Cancel a match (officer): 422 while a tranche is disbursed (reverse it first) or waits for approval; afterwards no commitments or tranches',
}) {}
