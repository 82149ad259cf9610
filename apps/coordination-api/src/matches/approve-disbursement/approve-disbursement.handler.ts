import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { EventStore } from '@multitrack/event-store';
import { EVENT_STORE, throwIfDomainError } from '@multitrack/platform';
import { commandMetadataOf, type CommandContext } from '../../command-handling/command-context';
import { decideOnMatch } from '../shared/decide-on-match';
import { organizationStatus } from '../shared/facts';
import type { TrancheWriteResult } from '../shared/match-write-responses';

export class ApproveDisbursement extends Command<TrancheWriteResult> {
  constructor(
    readonly matchId: string,
    readonly disbursementId: string,
    readonly context: CommandContext,
    readonly ifMatch?: number,
  ) {
    super();
  }
}

/** Four eyes: the domain refuses the requester's own approval (`disbursement.self-approval`, 422). */
@CommandHandler(ApproveDisbursement)
export class ApproveDisbursementHandler implements ICommandHandler<ApproveDisbursement> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({
    matchId,
    disbursementId,
    context,
    ifMatch,
  }: ApproveDisbursement): Promise<TrancheWriteResult> {
    const decision = await decideOnMatch({
      store: this.store,
      matchId,
      context,
      ifMatch,
      command: async (match) => ({
        type: 'ApproveDisbursement',
        data: { disbursementId, organization: await organizationStatus(this.store, match.organizationId) },
        metadata: commandMetadataOf(context),
      }),
    });
    const { revision, position } = throwIfDomainError(decision);
    return { id: disbursementId, matchId, status: 'disbursed', revision, position };
  }
}
