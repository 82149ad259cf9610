import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '../../command-handling/command-context';
import { CommandController } from '../../http/command-controller';
import { Context } from '../../http/command-context.decorator';
import { TransitionEndpoint } from '../../http/command-endpoints';
import { DisbursementWriteResult } from '../disbursement-write-result';
import { ConfirmReceiptDto } from './confirm-receipt.dto';
import { ConfirmReceiptCommand } from './confirm-receipt.handler';

@ApiTags('matches')
@Controller('v1/matches')
export class ConfirmReceiptController extends CommandController {
  @TransitionEndpoint('POST', ':id/disbursements/:disbursementId/receipt', {
    roles: ['ngo'],
    summary: 'Confirm what arrived (the matched NGO)',
    description:
      'Only for a `disbursed` tranche, once. An amount other than the one disbursed is recorded as ' +
      '`discrepancy: { expected, received }`, never refused. Other NGOs get 404.',
    answer: DisbursementWriteResult,
    answerDescription: 'Receipt recorded (with `discrepancy` when the amounts differ)',
  })
  confirm(
    @Param('id') matchId: string,
    @Param('disbursementId') disbursementId: string,
    @Body() body: ConfirmReceiptDto,
    @Context() context: CommandContext,
  ) {
    return this.commands.execute(new ConfirmReceiptCommand(matchId, disbursementId, body, context));
  }
}
