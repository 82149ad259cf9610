import { add, subtract } from '../money/arithmetic';
import { zero, type Money } from '../money/money';
import type { BudgetLine, ExpenditureReport } from './reports.state';

export type BudgetLineActual = {
  code: string;
  description: string;
  budget: Money;
  /** On this line in the reports not replaced, whatever their review. */
  reported: Money;
  /** On this line in the accepted reports. */
  accepted: Money;
  /** budget − accepted: what the line has left (negative: overspent). */
  variance: Money;
};

export type BudgetVsActual = { lines: BudgetLineActual[]; unbudgeted: Money };

type Reported = Pick<ExpenditureReport, 'amount' | 'status' | 'lines'>;

/**
 * The budget beside what was spent on each line. A replaced report is counted by its replacement
 * only. `unbudgeted`: reported outside any line — reports without lines, and lines whose code a
 * later budget no longer has.
 */
export const budgetVsActual = (
  currency: string,
  budget: readonly BudgetLine[],
  reports: readonly Reported[],
): BudgetVsActual => {
  const none = zero(currency);
  const lines = new Map(
    budget.map(({ code, description, amount }) => [
      code,
      { code, description, budget: amount, reported: none, accepted: none },
    ]),
  );
  let unbudgeted = none;
  for (const report of reports) {
    if (report.status === 'replaced') continue;
    for (const { code, amount } of report.lines ?? [{ code: undefined, amount: report.amount }]) {
      const line = code === undefined ? undefined : lines.get(code);
      if (!line) {
        unbudgeted = add(unbudgeted, amount);
        continue;
      }
      line.reported = add(line.reported, amount);
      if (report.status === 'accepted') line.accepted = add(line.accepted, amount);
    }
  }
  return {
    lines: [...lines.values()].map((line) => ({ ...line, variance: subtract(line.budget, line.accepted) })),
    unbudgeted,
  };
};
