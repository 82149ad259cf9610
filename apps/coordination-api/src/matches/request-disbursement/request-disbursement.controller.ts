import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '../../command-handling/command-context';
import { CommandController } from '../../http/command-controller';
import { Context } from '../../http/command-context.decorator';
import { TransitionEndpoint } from '../../http/command-endpoints';
import { DisbursementWriteResult } from '../disbursement-write-result';
import { RequestDisbursementDto } from './request-disbursement.dto';
import { RequestDisbursementCommand } from './request-disbursement.handler';

@ApiTags('matches')
@Controller('v1/matches')
export class RequestDisbursementController extends CommandController {
  @TransitionEndpoint('POST', ':id/disbursements', {
    roles: ['officer'],
    summary: 'Disburse a tranche (officer)',
    description:
      'Released at once (`disbursed`), or `pending_approval` when the tranche alone, or with the tranches ' +
      'released without a second approval in the last DISBURSEMENT_APPROVAL_WINDOW_DAYS, is above ' +
      'DISBURSEMENT_APPROVAL_THRESHOLD. Over-disbursement (beyond the committed funds) is a 422.',
    status: 201,
    answer: DisbursementWriteResult,
    answerDescription: 'The tranche; `id` is the disbursement id, revision/position the match stream’s',
  })
  disburse(
    @Param('id') matchId: string,
    @Body() body: RequestDisbursementDto,
    @Context() context: CommandContext,
  ) {
    return this.commands.execute(new RequestDisbursementCommand(matchId, body, context));
  }
}
