import { ApiTags } from '@nestjs/swagger';
import { TransitionController } from '../../http/transition-controller';
import { DecommitFundsDto } from './decommit-funds.dto';
import { DecommitFundsCommand } from './decommit-funds.handler';

@ApiTags('matches')
export class DecommitFundsController extends TransitionController(DecommitFundsCommand, DecommitFundsDto, {
  route: 'POST v1/matches/:id/decommitments',
  roles: ['officer'],
  summary:
    'Release committed funds (officer), also on a completed or cancelled match; never below disbursed + pending approval (422 `match.under-committed`)',
  status: 201,
  answerDescription: 'Decommitted; `id` is the match',
}) {}
