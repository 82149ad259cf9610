import { ApiTags } from '@nestjs/swagger';
import { TransitionController } from '../../http/transition-controller';
import { SetBudgetDto } from './set-budget.dto';
import { SetBudgetCommand } from './set-budget.handler';

@ApiTags('matches')
export class SetBudgetController extends TransitionController(SetBudgetCommand, SetBudgetDto, {
  route: 'PUT v1/matches/:id/budget',
  roles: ['officer'],
  summary: 'Set the budget lines of a match (officer)',
  description:
    'Replaces the whole budget. The lines together may not exceed `committed` (422 `budget.over-committed`); ' +
    'a code outside 1–32 characters `[A-Za-z0-9._-]` or repeated is a 400.',
  answerDescription: 'The budget is set; `id` is the match',
}) {}
