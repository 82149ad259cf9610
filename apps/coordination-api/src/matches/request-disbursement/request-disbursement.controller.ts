import { ApiTags } from '@nestjs/swagger';
import { TransitionController } from '../../http/transition-controller';
import { DisbursementWriteResult } from '../disbursement-write-result';
import { RequestDisbursementDto } from './request-disbursement.dto';
import { RequestDisbursementCommand } from './request-disbursement.handler';

@ApiTags('matches')
export class RequestDisbursementController extends TransitionController(
  RequestDisbursementCommand,
  RequestDisbursementDto,
  {
    route: 'POST v1/matches/:id/disbursements',
    roles: ['officer'],
    summary: 'Disburse a tranche (officer)',
    description:
      'Released at once (`disbursed`), or `pending_approval` when the tranche alone, or with the tranches ' +
      'released without a second approval in the last DISBURSEMENT_APPROVAL_WINDOW_DAYS, is above ' +
      'DISBURSEMENT_APPROVAL_THRESHOLD. Over-disbursement (beyond the committed funds) is a 422.',
    status: 201,
    answer: DisbursementWriteResult,
    answerDescription: 'The tranche; `id` is the disbursement id, revision/position the match stream’s',
  },
) {}
