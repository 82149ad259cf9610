import { checkCurrency, checkPositive, compare, sum } from '../money/arithmetic';
import { formatMoney } from '../money/format-money';
import { rule, type DomainError } from '../shared/decider';
import { checkDates, checkText, firstFailure } from '../shared/validation';
import type { ReportExpenditure, ReviewExpenditureReport } from './match.commands';
import type { MatchEvent } from './match.events';
import { checkMatchedOrganization } from './match.rules';
import type { Match } from './match.state';
import { findReport, type ExpenditureReport } from './reports.state';

type Outcome = MatchEvent[] | DomainError;
type Lines = NonNullable<ReportExpenditure['data']['lines']>;

/** Lines say where the money went: each on a line of the budget, once, and together the whole amount. */
const checkLines = (match: Match, { amount, lines }: ReportExpenditure['data']): DomainError | undefined => {
  if (lines === undefined) return undefined;
  const codes = lines.map((line) => line.code);
  const budgeted = new Set(match.budget.map((line) => line.code));
  return firstFailure(
    ...lines.map(
      (line, i) => () =>
        checkPositive(line.amount, `lines[${i}].amount`) ?? checkCurrency(match.currency, line.amount),
    ),
    () => {
      const repeated = codes.find((code, index) => codes.indexOf(code) !== index);
      return repeated === undefined ? undefined : rule('report.duplicate-line', `${repeated} appears twice`);
    },
    () => {
      const unknown = codes.find((code) => !budgeted.has(code));
      return unknown === undefined
        ? undefined
        : rule('report.unknown-budget-line', `${unknown} is not a line of the match's budget`);
    },
    () =>
      compare(
        sum(
          match.currency,
          lines.map((line) => line.amount),
        ),
        amount,
      ) === 0
        ? undefined
        : rule('report.lines-mismatch', `the lines do not add up to ${formatMoney(amount).amount}`),
  );
};

/** A correction replaces a report still open to change: not one accepted (final), nor one already replaced. */
const checkReplaceable = (match: Match, replaces: string | undefined): DomainError | undefined => {
  if (replaces === undefined) return undefined;
  const replaced = findReport(match, replaces);
  if (!replaced) return rule('report.not-replaceable', `no report ${replaces} in this match`);
  return replaced.status === 'submitted' || replaced.status === 'changes_requested'
    ? undefined
    : rule('report.not-replaceable', `report ${replaces} is ${replaced.status}`);
};

const wireLines = (lines: Lines) => lines.map(({ code, amount }) => ({ code, amount: formatMoney(amount) }));

/** A final report may come after completion; spending more than was disbursed is reported, not refused. */
export const reportExpenditure = ({ data, metadata }: ReportExpenditure, match: Match): Outcome => {
  const { reportId, amount, description, period, lines, replaces } = data;
  const failure = firstFailure(
    () => checkMatchedOrganization(match, metadata),
    () => (match.status === 'cancelled' ? rule('match.not-active', 'the match is cancelled') : undefined),
    () => (findReport(match, reportId) ? rule('report.duplicate', `${reportId} exists`) : undefined),
    () => checkText({ description }),
    () => checkPositive(amount),
    () => checkCurrency(match.currency, amount),
    () => checkDates({ 'period.from': period.from, 'period.to': period.to }),
    () =>
      period.from <= period.to
        ? undefined
        : rule('expenditure.invalid-period', 'period.to is before period.from'),
    () => checkLines(match, data),
    () => checkReplaceable(match, replaces),
  );
  if (failure) return failure;
  const replaced = replaces === undefined ? undefined : findReport(match, replaces);
  return [
    {
      type: 'ExpenditureReported',
      data: {
        matchId: match.matchId,
        reportId,
        amount: formatMoney(amount),
        description,
        period: { from: period.from, to: period.to },
        reportedBy: metadata.actor.sub,
        ...(lines && { lines: wireLines(lines) }),
        ...(replaced && { replaces: replaced.id, replacedAmount: formatMoney(replaced.amount) }),
      },
    },
  ];
};

const checkReviewable = (report: ExpenditureReport): DomainError | undefined => {
  if (report.status === 'replaced')
    return rule('report.replaced', `report ${report.id} was replaced; review its replacement`);
  return report.status === 'submitted'
    ? undefined
    : rule('report.already-reviewed', `report ${report.id} is ${report.status}`);
};

/** One review per report: an accepted report is final, one sent back is answered by a replacement. */
export const reviewExpenditureReport = (
  { data, metadata }: ReviewExpenditureReport,
  match: Match,
): Outcome => {
  const report = findReport(match, data.reportId);
  if (!report) return rule('report.not-found', `no report ${data.reportId} in this match`);
  const failure = firstFailure(
    () => checkReviewable(report),
    () => checkText({ note: data.note }),
  );
  if (failure) return failure;
  return [
    {
      type: 'ExpenditureReportReviewed',
      data: {
        matchId: match.matchId,
        reportId: report.id,
        decision: data.decision,
        note: data.note,
        amount: formatMoney(report.amount),
        period: { from: report.period.from, to: report.period.to },
        reviewedBy: metadata.actor.sub,
        reviewedAt: metadata.now,
      },
    },
  ];
};

/**
 * `reportBetweenTranches`: the money of a tranche after the first is accounted for first — a
 * report that came in after the previous tranche was asked for, and that an officer accepted.
 * A reversed tranche released nothing, so the one before it is the previous tranche.
 */
export const checkReportBeforeTranche = (match: Match): DomainError | undefined => {
  if (!match.reportBetweenTranches) return undefined;
  const last = match.disbursements.reduce((found, d, i) => (d.status === 'reversed' ? found : i), -1);
  if (last < 0) return undefined;
  const accounted = match.reports.some((r) => r.status === 'accepted' && r.tranchesBefore > last);
  return accounted
    ? undefined
    : rule(
        'match.report-required',
        'an expenditure report after the previous tranche must be accepted first',
      );
};
