import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '../../command-handling/stream-writer';
import type { ReasonDto } from '../../http/dto/reason.dto';
import { DisbursementCommand, disbursementWrittenOf } from '../disbursement-command';
import { onMatch } from '../match-stream';

export class ReverseDisbursementCommand extends DisbursementCommand<ReasonDto> {}

/** A tranche that bounced or came back; one whose receipt the NGO confirmed did arrive (422). */
@CommandHandler(ReverseDisbursementCommand)
export class ReverseDisbursementHandler implements ICommandHandler<ReverseDisbursementCommand> {
  constructor(private readonly streams: StreamWriter) {}

  async execute(command: ReverseDisbursementCommand) {
    const { matchId, disbursementId, body, context } = command;
    const outcome = await this.streams.decide(
      {
        ...onMatch(matchId),
        command: () => ({ type: 'ReverseDisbursement', data: { disbursementId, reason: body.reason } }),
      },
      context,
    );
    return disbursementWrittenOf(command, outcome, 'reversed');
  }
}
