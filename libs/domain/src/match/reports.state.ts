import { add, subtract, sum } from '../money/arithmetic';
import { fromWire } from '../money/format-money';
import type { Money } from '../money/money';
import type { BudgetSet, ExpenditureReported, ExpenditureReportReviewed } from './match.events';

export type BudgetLine = { code: string; description: string; amount: Money };

export type ReportStatus = 'submitted' | 'accepted' | 'changes_requested' | 'replaced';

export type ExpenditureReport = {
  id: string;
  amount: Money;
  status: ReportStatus;
  period: { from: string; to: string };
  lines?: { code: string; amount: Money }[];
  /**
   * How many tranches the match had asked for when the report came in: a report "submitted after"
   * tranche number n (1-based) has `tranchesBefore >= n` (reportBetweenTranches, decision 0217).
   */
  tranchesBefore: number;
};

/** What budget lines and reviewed reports add to a match. */
export type BudgetAndReports = {
  budget: BudgetLine[];
  reports: ExpenditureReport[];
  /** The sum of the accepted reports. */
  acceptedExpenditure: Money;
  reportBetweenTranches: boolean;
};

/** The part of a match the report events change; `reportedExpenditure` leaves out replaced reports. */
type Reporting = BudgetAndReports & { reportedExpenditure: Money; disbursements: readonly unknown[] };

export const findReport = (match: { reports: ExpenditureReport[] }, id: string) =>
  match.reports.find((report) => report.id === id);

export const budgetTotal = (match: { budget: BudgetLine[]; currency: string }): Money =>
  sum(
    match.currency,
    match.budget.map((line) => line.amount),
  );

const withStatus = (reports: ExpenditureReport[], id: string, status: ReportStatus) =>
  reports.map((report) => (report.id === id ? { ...report, status } : report));

export const budgetSet = <M extends Reporting>(match: M, { lines }: BudgetSet['data']): M => ({
  ...match,
  budget: lines.map((line) => ({ ...line, amount: fromWire(line.amount) })),
});

export const expenditureReported = <M extends Reporting>(
  match: M,
  { reportId, amount, period, lines, replaces, replacedAmount }: ExpenditureReported['data'],
): M => {
  const report: ExpenditureReport = {
    id: reportId,
    amount: fromWire(amount),
    status: 'submitted',
    period: { from: period.from, to: period.to },
    ...(lines && { lines: lines.map((line) => ({ code: line.code, amount: fromWire(line.amount) })) }),
    tranchesBefore: match.disbursements.length,
  };
  const reported = add(match.reportedExpenditure, report.amount);
  return {
    ...match,
    reports: [...(replaces ? withStatus(match.reports, replaces, 'replaced') : match.reports), report],
    reportedExpenditure: replacedAmount ? subtract(reported, fromWire(replacedAmount)) : reported,
  };
};

export const reportReviewed = <M extends Reporting>(
  match: M,
  { reportId, decision, amount }: ExpenditureReportReviewed['data'],
): M => {
  // An as-of ledger may skip the report (spent after its value date) and still see its review.
  if (!findReport(match, reportId)) return match;
  return {
    ...match,
    reports: withStatus(match.reports, reportId, decision),
    acceptedExpenditure:
      decision === 'accepted' ? add(match.acceptedExpenditure, fromWire(amount)) : match.acceptedExpenditure,
  };
};
