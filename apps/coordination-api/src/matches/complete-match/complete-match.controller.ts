import { ApiTags } from '@nestjs/swagger';
import { OptionalNoteDto } from '../../http/dto/optional-text.dto';
import { TransitionController } from '../../http/transition-controller';
import { CompleteMatchCommand } from './complete-match.handler';

@ApiTags('matches')
export class CompleteMatchController extends TransitionController(CompleteMatchCommand, OptionalNoteDto, {
  route: 'POST v1/matches/:id/completion',
  roles: ['officer'],
  summary:
    'Complete a match (officer): 422 while a tranche waits for approval; afterwards no commitments or tranches, receipts and expenditure reports still accepted',
}) {}
