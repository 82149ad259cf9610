import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { Money, WireMoney } from '@multitrack/domain';
import type { EventStore } from '@multitrack/event-store';
import { EVENT_STORE, throwIfDomainError } from '@multitrack/platform';
import { commandMetadataOf, type CommandContext } from '../../command-handling/command-context';
import { decideOnMatch } from '../shared/decide-on-match';
import type { TrancheWriteResult } from '../shared/match-write-responses';

export class ConfirmReceipt extends Command<ReceiptResult> {
  constructor(
    readonly matchId: string,
    readonly disbursementId: string,
    readonly amount: Money,
    readonly receivedOn: string,
    readonly context: CommandContext,
    readonly ifMatch?: number,
  ) {
    super();
  }
}

export type ReceiptResult = TrancheWriteResult & {
  discrepancy?: { expected: WireMoney; received: WireMoney };
};

/** Both sides of a transfer are kept: the domain records a differing amount, it never refuses it. */
@CommandHandler(ConfirmReceipt)
export class ConfirmReceiptHandler implements ICommandHandler<ConfirmReceipt> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({
    matchId,
    disbursementId,
    amount,
    receivedOn,
    context,
    ifMatch,
  }: ConfirmReceipt): Promise<ReceiptResult> {
    const decision = await decideOnMatch({
      store: this.store,
      matchId,
      context,
      ifMatch,
      command: () => ({
        type: 'ConfirmDisbursementReceipt',
        data: { disbursementId, amount, receivedOn },
        metadata: commandMetadataOf(context),
      }),
    });
    const { events, revision, position } = throwIfDomainError(decision);
    const confirmed = events.find((event) => event.type === 'DisbursementReceiptConfirmed');
    const discrepancy =
      confirmed?.type === 'DisbursementReceiptConfirmed' ? confirmed.data.discrepancy : undefined;
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
