import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { rule, type DomainError } from '@multitrack/domain';
import { StreamWriter } from '../../command-handling/stream-writer';
import { TransitionCommand } from '../../command-handling/transition';
import { writtenOf, type Written } from '../../command-handling/written';
import { onMatch } from '../match-stream';
import type { DecommitFundsDto } from './decommit-funds.dto';

export class DecommitFundsCommand extends TransitionCommand<DecommitFundsDto> {}

/**
 * Gives committed money back, on an active match or a completed or cancelled one (decision 0180),
 * and releases it on the request's shared budget in the same atomic append (0182), so another
 * match of the request may commit it.
 */
@CommandHandler(DecommitFundsCommand)
export class DecommitFundsHandler implements ICommandHandler<DecommitFundsCommand> {
  constructor(private readonly streams: StreamWriter) {}

  async execute({ id: matchId, body, context }: DecommitFundsCommand): Promise<Written | DomainError> {
    const amount = body.amount.toMoney();
    const outcome = await this.streams.decide(
      {
        ...onMatch(matchId),
        facts: async (match, streams) => {
          const request = await streams.read('request', match.requestId);
          return request.state.status === 'none'
            ? rule('request.not-found', `no request ${match.requestId}`)
            : request;
        },
        command: () => ({ type: 'DecommitFunds', data: { amount, reason: body.reason } }),
        alongside: (match, request) => [
          { read: request, command: { type: 'ReleaseBudget', data: { matchId: match.matchId, amount } } },
        ],
      },
      context,
    );
    return writtenOf(matchId, outcome);
  }
}
