import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { rule, type DomainError } from '@multitrack/domain';
import { StreamWriter } from '../../command-handling/stream-writer';
import { TransitionCommand } from '../../command-handling/transition';
import { writtenOf, type Written } from '../../command-handling/written';
import { moneyFactsOf, onMatch } from '../match-stream';
import type { CommitFundsDto } from './commit-funds.dto';

export class CommitFundsCommand extends TransitionCommand<CommitFundsDto> {}

/**
 * committed ≤ budget holds under any number of concurrent callers: every commitment is decided
 * against the match stream's current total and appended at that revision, and a matched
 * request's budget can only grow (the request decider's rule), so a fresh read of it never lies.
 */
@CommandHandler(CommitFundsCommand)
export class CommitFundsHandler implements ICommandHandler<CommitFundsCommand> {
  constructor(private readonly streams: StreamWriter) {}

  async execute({ id: matchId, body, context }: CommitFundsCommand): Promise<Written | DomainError> {
    const outcome = await this.streams.decide(
      {
        ...onMatch(matchId),
        facts: async (match, streams) => {
          const request = (await streams.read('request', match.requestId)).state;
          if (request.status === 'none') return rule('request.not-found', `no request ${match.requestId}`);
          return { budget: request.budget, offer: (await moneyFactsOf(match, streams)).offer };
        },
        command: (_, { budget, offer }) => ({
          type: 'CommitFunds',
          data: { amount: body.amount.toMoney(), request: { budget }, offer },
        }),
      },
      context,
    );
    return writtenOf(matchId, outcome);
  }
}
