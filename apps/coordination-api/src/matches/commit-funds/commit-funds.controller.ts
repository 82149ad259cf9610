import { ApiTags } from '@nestjs/swagger';
import { TransitionController } from '../../http/transition-controller';
import { CommitFundsDto } from './commit-funds.dto';
import { CommitFundsCommand } from './commit-funds.handler';

@ApiTags('matches')
export class CommitFundsController extends TransitionController(CommitFundsCommand, CommitFundsDto, {
  route: 'POST v1/matches/:id/commitments',
  roles: ['officer'],
  summary: 'Commit funds to a match (officer); total committed ≤ the request budget, same currency',
  status: 201,
  answerDescription: 'Committed; `id` is the match',
}) {}
