import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { DomainError } from '@multitrack/domain';
import type { CommandContext } from '../../command-handling/command-context';
import { StreamWriter } from '../../command-handling/stream-writer';
import { writtenOf, type Written } from '../../command-handling/written';
import { onMatch } from '../match-stream';
import type { ReviewReportDto } from './review-report.dto';

export class ReviewReportCommand extends Command<Written | DomainError> {
  constructor(
    readonly matchId: string,
    readonly reportId: string,
    readonly body: ReviewReportDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Once per report: two officers reviewing at once are decided one after the other, the second refused. */
@CommandHandler(ReviewReportCommand)
export class ReviewReportHandler implements ICommandHandler<ReviewReportCommand> {
  constructor(private readonly streams: StreamWriter) {}

  async execute({ matchId, reportId, body, context }: ReviewReportCommand): Promise<Written | DomainError> {
    const outcome = await this.streams.decide(
      {
        ...onMatch(matchId),
        command: () => ({
          type: 'ReviewExpenditureReport',
          data: { reportId, decision: body.decision, note: body.note },
        }),
      },
      context,
    );
    return writtenOf(matchId, outcome);
  }
}
