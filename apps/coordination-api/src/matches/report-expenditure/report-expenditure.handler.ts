import { CommandHandler } from '@nestjs/cqrs';
import { TransitionCommand } from '../../command-handling/transition';
import { MatchTransition } from '../match-stream';
import type { ReportExpenditureDto } from './report-expenditure.dto';

export class ReportExpenditureCommand extends TransitionCommand<ReportExpenditureDto> {}

@CommandHandler(ReportExpenditureCommand)
export class ReportExpenditureHandler extends MatchTransition<ReportExpenditureCommand> {
  protected command({ body: { amount, description, period } }: ReportExpenditureCommand) {
    const data = { amount: amount.toMoney(), description, period: { from: period.from, to: period.to } };
    return { type: 'ReportExpenditure', data } as const;
  }
}
