import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { rule, type DomainError } from '@multitrack/domain';
import { StreamWriter } from '../../command-handling/stream-writer';
import { TransitionCommand } from '../../command-handling/transition';
import { writtenOf, type Written } from '../../command-handling/written';
import { moneyFactsOf, onMatch } from '../match-stream';
import type { CommitFundsDto } from './commit-funds.dto';

export class CommitFundsCommand extends TransitionCommand<CommitFundsDto> {}

/**
 * The commitments of all the matches of one request never exceed its budget, under any number of
 * concurrent callers on any of its matches (decision 0182): each commitment is also reserved on
 * the request stream (`ReserveBudget`, decided by the request's decider against the sum reserved
 * so far) and both streams are appended at the revisions read, all or none. Two commitments on two
 * matches of one request clash on the request stream; the later is re-decided on the new sum.
 */
@CommandHandler(CommitFundsCommand)
export class CommitFundsHandler implements ICommandHandler<CommitFundsCommand> {
  constructor(private readonly streams: StreamWriter) {}

  async execute({ id: matchId, body, context }: CommitFundsCommand): Promise<Written | DomainError> {
    const outcome = await this.streams.decide(
      {
        ...onMatch(matchId),
        facts: async (match, streams) => {
          const request = await streams.read('request', match.requestId);
          if (request.state.status === 'none')
            return rule('request.not-found', `no request ${match.requestId}`);
          const { offer } = await moneyFactsOf(match, streams);
          return { request, budget: request.state.budget, offer };
        },
        command: (_, { budget, offer }) => ({
          type: 'CommitFunds',
          data: { amount: body.amount.toMoney(), request: { budget }, offer },
        }),
        alongside: (match, { request }) => [
          {
            read: request,
            command: {
              type: 'ReserveBudget',
              data: { matchId: match.matchId, amount: body.amount.toMoney() },
            },
          },
        ],
      },
      context,
    );
    return writtenOf(matchId, outcome);
  }
}
