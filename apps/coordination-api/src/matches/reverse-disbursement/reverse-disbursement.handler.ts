import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isDomainError, type DomainError } from '@multitrack/domain';
import type { CommandContext } from '../../command-handling/command-context';
import { StreamWriter } from '../../command-handling/stream-writer';
import type { ReasonDto } from '../../http/dto/reason.dto';
import type { DisbursementWritten } from '../disbursement-write-result';
import { onMatch } from '../match-stream';

export class ReverseDisbursementCommand extends Command<DisbursementWritten | DomainError> {
  constructor(
    readonly matchId: string,
    readonly disbursementId: string,
    readonly body: ReasonDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** A tranche that bounced or came back; one whose receipt the NGO confirmed did arrive (422). */
@CommandHandler(ReverseDisbursementCommand)
export class ReverseDisbursementHandler implements ICommandHandler<ReverseDisbursementCommand> {
  constructor(private readonly streams: StreamWriter) {}

  async execute({
    matchId,
    disbursementId,
    body,
    context,
  }: ReverseDisbursementCommand): Promise<DisbursementWritten | DomainError> {
    const outcome = await this.streams.decide(
      {
        ...onMatch(matchId),
        command: () => ({ type: 'ReverseDisbursement', data: { disbursementId, reason: body.reason } }),
      },
      context,
    );
    if (isDomainError(outcome)) return outcome;
    return {
      id: disbursementId,
      matchId,
      status: 'reversed',
      revision: outcome.revision,
      position: outcome.position,
    };
  }
}
