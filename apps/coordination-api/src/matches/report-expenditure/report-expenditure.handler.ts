import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isDomainError, type DomainError } from '@multitrack/domain';
import { newEntityId } from '../../command-handling/command-context';
import { StreamWriter } from '../../command-handling/stream-writer';
import { TransitionCommand } from '../../command-handling/transition';
import { onMatch } from '../match-stream';
import type { ReportExpenditureDto } from './report-expenditure.dto';
import type { ReportWritten } from './report-write-result';

export class ReportExpenditureCommand extends TransitionCommand<ReportExpenditureDto> {}

/** A new report gets its id here (from the Idempotency-Key when there is one, so a retry finds it). */
@CommandHandler(ReportExpenditureCommand)
export class ReportExpenditureHandler implements ICommandHandler<ReportExpenditureCommand> {
  constructor(private readonly streams: StreamWriter) {}

  async execute({
    id: matchId,
    body,
    context,
  }: ReportExpenditureCommand): Promise<ReportWritten | DomainError> {
    const { amount, description, period, lines, replaces } = body;
    const outcome = await this.streams.decide(
      {
        ...onMatch(matchId),
        command: () => ({
          type: 'ReportExpenditure',
          data: {
            reportId: newEntityId(context),
            amount: amount.toMoney(),
            description,
            period: { from: period.from, to: period.to },
            ...(lines && {
              lines: lines.map((line) => ({ code: line.code, amount: line.amount.toMoney() })),
            }),
            ...(replaces !== undefined && { replaces }),
          },
        }),
      },
      context,
    );
    if (isDomainError(outcome)) return outcome;
    // A replay answers with the report its first attempt recorded.
    const reported = outcome.events.find((event) => event.type === 'ExpenditureReported');
    const reportId = reported?.type === 'ExpenditureReported' ? reported.data.reportId : '';
    return { id: matchId, reportId, revision: outcome.revision, position: outcome.position };
  }
}
