import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isDomainError, type DomainError } from '@multitrack/domain';
import type { CommandContext } from '../../command-handling/command-context';
import { StreamWriter } from '../../command-handling/stream-writer';
import type { DisbursementWritten } from '../disbursement-write-result';
import { onMatch } from '../match-stream';
import type { ConfirmReceiptDto } from './confirm-receipt.dto';

export class ConfirmReceiptCommand extends Command<DisbursementWritten | DomainError> {
  constructor(
    readonly matchId: string,
    readonly disbursementId: string,
    readonly body: ConfirmReceiptDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Both sides of a transfer are kept: the domain records a differing amount, it never refuses it. */
@CommandHandler(ConfirmReceiptCommand)
export class ConfirmReceiptHandler implements ICommandHandler<ConfirmReceiptCommand> {
  constructor(private readonly streams: StreamWriter) {}

  async execute({
    matchId,
    disbursementId,
    body,
    context,
  }: ConfirmReceiptCommand): Promise<DisbursementWritten | DomainError> {
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
    if (isDomainError(outcome)) return outcome;
    const confirmed = outcome.events.find((event) => event.type === 'DisbursementReceiptConfirmed');
    const discrepancy =
      confirmed?.type === 'DisbursementReceiptConfirmed' ? confirmed.data.discrepancy : undefined;
    const { revision, position } = outcome;
    return {
      id: disbursementId,
      matchId,
      status: 'disbursed',
      revision,
      position,
      ...(discrepancy && { discrepancy }),
    };
  }
}
