import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '../../command-handling/command-context';
import { CommandController } from '../../http/command-controller';
import { Context } from '../../http/command-context.decorator';
import { TransitionEndpoint } from '../../http/command-endpoints';
import { DisbursementWriteResult } from '../disbursement-write-result';
import { assertEmptyApprovalBody } from './approve-disbursement.dto';
import { ApproveDisbursementCommand } from './approve-disbursement.handler';

@ApiTags('matches')
@Controller('v1/matches')
export class ApproveDisbursementController extends CommandController {
  @TransitionEndpoint('POST', ':id/disbursements/:disbursementId/approval', {
    roles: ['officer'],
    summary: 'Approve a tranche waiting for a second officer (officer other than the requester)',
    description:
      'Moves it to `disbursed`. Approving one’s own request is a 422 `disbursement.self-approval`.',
    answer: DisbursementWriteResult,
    answerDescription: 'Approved and disbursed',
  })
  approve(
    @Param('id') matchId: string,
    @Param('disbursementId') disbursementId: string,
    @Body() body: unknown,
    @Context() context: CommandContext,
  ) {
    assertEmptyApprovalBody(body);
    return this.commands.execute(new ApproveDisbursementCommand(matchId, disbursementId, context));
  }
}
