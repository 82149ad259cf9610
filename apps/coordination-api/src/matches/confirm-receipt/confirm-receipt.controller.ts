import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@multitrack/auth';
import { parseMoney } from '@multitrack/domain';
import { throwIfDomainError } from '@multitrack/platform';
import { CommandOf, type HttpCommandContext } from '../../http/command-context.decorator';
import { IfMatch } from '../../http/if-match';
import { MatchWrite } from '../shared/match-write-responses';
import { scopedCommand } from '../shared/scoped-command';
import { ConfirmReceipt, type ReceiptResult } from './confirm-receipt.handler';
import { ConfirmReceiptDto } from './confirm-receipt.dto';
import { ReceiptWriteResult } from './receipt-write-result';

@ApiTags('matches')
@Controller('v1/matches')
export class ConfirmReceiptController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/disbursements/:disbursementId/receipt')
  @Roles('ngo')
  @ApiOperation({
    summary: 'Confirm what arrived (the matched NGO)',
    description:
      'Only for a `disbursed` tranche, once. An amount other than the one disbursed is recorded as ' +
      '`discrepancy: { expected, received }`, never refused. Other NGOs get 404.',
  })
  @MatchWrite(200, ReceiptWriteResult, 'Receipt recorded (with `discrepancy` when the amounts differ)')
  confirm(
    @Param('id') matchId: string,
    @Param('disbursementId') disbursementId: string,
    @Body() body: ConfirmReceiptDto,
    @CommandOf('ConfirmDisbursementReceipt') http: HttpCommandContext,
    @IfMatch() ifMatch?: number,
  ): Promise<ReceiptResult> {
    const amount = throwIfDomainError(parseMoney(body.amount));
    const { context } = scopedCommand(http);
    return this.commands.execute(
      new ConfirmReceipt(matchId, disbursementId, amount, body.receivedOn, context, ifMatch),
    );
  }
}
