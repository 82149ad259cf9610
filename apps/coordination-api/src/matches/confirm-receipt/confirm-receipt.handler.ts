import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isDomainError, type DomainError } from '@multitrack/domain';
import { StreamWriter } from '../../command-handling/stream-writer';
import { DisbursementCommand, disbursementWrittenOf } from '../disbursement-command';
import type { DisbursementWritten } from '../disbursement-write-result';
import { onMatch } from '../match-stream';
import type { ConfirmReceiptDto } from './confirm-receipt.dto';

export class ConfirmReceiptCommand extends DisbursementCommand<ConfirmReceiptDto> {}

/** Both sides of a transfer are kept: the domain records a differing amount, it never refuses it. */
@CommandHandler(ConfirmReceiptCommand)
export class ConfirmReceiptHandler implements ICommandHandler<ConfirmReceiptCommand> {
  constructor(private readonly streams: StreamWriter) {}

  async execute(command: ConfirmReceiptCommand): Promise<DisbursementWritten | DomainError> {
    const { matchId, disbursementId, body, context } = command;
    const outcome = await this.streams.decide(
      {
        ...onMatch(matchId),
        command: () => ({
          type: 'ConfirmDisbursementReceipt',
          data: { disbursementId, amount: body.amount.toMoney(), receivedOn: body.receivedOn },
        }),
      },
      context,
    );
    const written = disbursementWrittenOf(command, outcome, 'disbursed');
    if (isDomainError(outcome) || isDomainError(written)) return written;
    const confirmed = outcome.events.find((event) => event.type === 'DisbursementReceiptConfirmed');
    const discrepancy =
      confirmed?.type === 'DisbursementReceiptConfirmed' ? confirmed.data.discrepancy : undefined;
    return { ...written, ...(discrepancy && { discrepancy }) };
  }
}
