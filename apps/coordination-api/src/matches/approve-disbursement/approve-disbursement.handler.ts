import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isDomainError, type DomainError } from '@multitrack/domain';
import type { CommandContext } from '../../command-handling/command-context';
import { StreamWriter } from '../../command-handling/stream-writer';
import type { DisbursementWritten } from '../disbursement-write-result';
import { moneyFactsOf, onMatch } from '../match-stream';

export class ApproveDisbursementCommand extends Command<DisbursementWritten | DomainError> {
  constructor(
    readonly matchId: string,
    readonly disbursementId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Four eyes: the domain refuses the requester's own approval (`disbursement.self-approval`, 422). */
@CommandHandler(ApproveDisbursementCommand)
export class ApproveDisbursementHandler implements ICommandHandler<ApproveDisbursementCommand> {
  constructor(private readonly streams: StreamWriter) {}

  async execute({
    matchId,
    disbursementId,
    context,
  }: ApproveDisbursementCommand): Promise<DisbursementWritten | DomainError> {
    const outcome = await this.streams.decide(
      {
        ...onMatch(matchId),
        facts: async (match, streams) => (await moneyFactsOf(match, streams)).organization,
        command: (_, organization) => ({
          type: 'ApproveDisbursement',
          data: { disbursementId, organization },
        }),
      },
      context,
    );
    if (isDomainError(outcome)) return outcome;
    return {
      id: disbursementId,
      matchId,
      status: 'disbursed',
      revision: outcome.revision,
      position: outcome.position,
    };
  }
}
