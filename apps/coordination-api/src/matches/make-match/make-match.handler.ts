import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { Database } from '@multitrack/database';
import type { EventStore } from '@multitrack/event-store';
import { listOffersForRequest } from '@multitrack/read-models';
import { DATABASE, EVENT_STORE, throwIfDomainError } from '@multitrack/platform';
import type { CommandContext } from '../../command-handling/command-context';
import { writeResultOf, type WriteResult } from '../../http/write-result';
import { acceptOffer, declineOffer, lockRequest, recordMatch, type MatchSagaCommand } from './match-saga';

export class MakeMatch extends Command<WriteResult> {
  constructor(
    readonly matchId: string,
    readonly requestId: string,
    readonly offerId: string,
    readonly context: CommandContext,
    readonly ifMatch?: number,
  ) {
    super();
  }
}

/**
 * Three streams, no multi-stream transaction (EventStoreDB has none): a small saga, each step
 * idempotent, so a retry with the same Idempotency-Key (same match id) resumes where a crash
 * stopped it. docs/decisions/0090-match-saga.md.
 */
@CommandHandler(MakeMatch)
export class MakeMatchHandler implements ICommandHandler<MakeMatch> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATABASE) private readonly db: Database,
  ) {}

  async execute({ matchId, requestId, offerId, context, ifMatch }: MakeMatch): Promise<WriteResult> {
    const command: MatchSagaCommand = { matchId, requestId, offerId, context, ifMatch };
    const locked = throwIfDomainError(await lockRequest(this.store, command));
    const made = throwIfDomainError(await recordMatch(this.store, command, locked));
    throwIfDomainError(await acceptOffer(this.store, command, locked.offerId));
    for (const other of await this.otherSubmittedOffers(requestId, locked.offerId)) {
      await declineOffer(this.store, command, other);
    }
    return writeResultOf(matchId, made);
  }

  /**
   * From the offers read model: the only index of a request's offers. It may lag by an offer
   * submitted a moment ago; see the decision record for what that leaves.
   */
  private async otherSubmittedOffers(requestId: string, accepted: string): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listOffersForRequest(
        this.db,
        requestId,
        { status: 'submitted' },
        { limit: 500, cursor },
      );
      ids.push(...page.items.map((offer) => offer.id).filter((id) => id !== accepted));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return ids;
  }
}
