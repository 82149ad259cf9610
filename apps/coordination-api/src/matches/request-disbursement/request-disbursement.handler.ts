import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { Money } from '@multitrack/domain';
import type { EventStore } from '@multitrack/event-store';
import { APP_SETTINGS, EVENT_STORE, throwIfDomainError } from '@multitrack/platform';
import { commandMetadataOf, type CommandContext } from '../../command-handling/command-context';
import { decideOnMatch, type MatchDecision } from '../shared/decide-on-match';
import { disbursementPolicy, organizationStatus, type DisbursementSettings } from '../shared/facts';
import type { TrancheStatus, TrancheWriteResult } from '../shared/match-write-responses';

export class RequestDisbursement extends Command<TrancheWriteResult> {
  constructor(
    readonly matchId: string,
    readonly disbursementId: string,
    readonly amount: Money,
    readonly reference: string,
    readonly context: CommandContext,
    readonly ifMatch?: number,
  ) {
    super();
  }
}

/** Released at once, or held for a second officer: the events of the decision say which. */
export const trancheStatusOf = (decision: MatchDecision): TrancheStatus =>
  decision.events.some((event) => event.type === 'FundsDisbursed') ? 'disbursed' : 'pending_approval';

/**
 * disbursed + pending ≤ committed holds under any number of concurrent callers: each tranche is
 * decided against the match stream's totals and appended at that revision; a caller that loses
 * the race is re-decided and then either fits or gets `match.over-disbursed` (422).
 */
@CommandHandler(RequestDisbursement)
export class RequestDisbursementHandler implements ICommandHandler<RequestDisbursement> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_SETTINGS) private readonly settings: DisbursementSettings,
  ) {}

  async execute(command: RequestDisbursement): Promise<TrancheWriteResult> {
    const { matchId, disbursementId, amount, reference, context, ifMatch } = command;
    const decision = await decideOnMatch({
      store: this.store,
      matchId,
      context,
      ifMatch,
      command: async (match) => ({
        type: 'RequestDisbursement',
        data: {
          disbursementId,
          amount,
          reference,
          policy: disbursementPolicy(this.settings, match.currency),
          organization: await organizationStatus(this.store, match.organizationId),
        },
        metadata: commandMetadataOf(context),
      }),
    });
    const decided = throwIfDomainError(decision);
    return {
      id: disbursementId,
      matchId,
      status: trancheStatusOf(decided),
      revision: decided.revision,
      position: decided.position,
    };
  }
}
