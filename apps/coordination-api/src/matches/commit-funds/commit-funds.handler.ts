import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { rule, type Money } from '@multitrack/domain';
import type { EventStore } from '@multitrack/event-store';
import { EVENT_STORE, throwIfDomainError } from '@multitrack/platform';
import { commandMetadataOf, type CommandContext } from '../../command-handling/command-context';
import { writeResultOf, type WriteResult } from '../../http/write-result';
import { decideOnMatch } from '../shared/decide-on-match';
import { helpRequest } from '../shared/facts';

export class CommitFunds extends Command<WriteResult> {
  constructor(
    readonly matchId: string,
    readonly amount: Money,
    readonly context: CommandContext,
    readonly ifMatch?: number,
  ) {
    super();
  }
}

/**
 * committed ≤ budget holds under any number of concurrent callers: every commitment is decided
 * against the match stream's current total and appended at that revision, and a matched
 * request's budget can only grow (the request decider's rule), so a fresh read of it never lies.
 */
@CommandHandler(CommitFunds)
export class CommitFundsHandler implements ICommandHandler<CommitFunds> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ matchId, amount, context, ifMatch }: CommitFunds): Promise<WriteResult> {
    const decision = await decideOnMatch({
      store: this.store,
      matchId,
      context,
      ifMatch,
      command: async (match) => {
        const request = await helpRequest(this.store, match.requestId);
        if (request.status === 'none') return rule('request.not-found', `no request ${match.requestId}`);
        return {
          type: 'CommitFunds',
          data: { amount, request: { budget: request.budget } },
          metadata: commandMetadataOf(context),
        };
      },
    });
    return writeResultOf(matchId, throwIfDomainError(decision));
  }
}
