import {
  budgetVsActual,
  formatMoney,
  type Money,
  type ReportStatus,
  type WireMoney,
} from '@multitrack/domain';
import type { SqlExecutor } from '@multitrack/database';
import { matchesReadModel } from './matches.read-model';
import type { StoredLine } from './matches.queries';

/** `GET /v1/matches/{id}/budget-vs-actual`. */
export interface BudgetVsActualView {
  lines: {
    code: string;
    description: string;
    budget: WireMoney;
    reported: WireMoney;
    accepted: WireMoney;
    variance: WireMoney;
  }[];
  unbudgeted: WireMoney;
}

const s = matchesReadModel.schema;

/**
 * The match's budget beside its reports, by the domain's own rule (`budgetVsActual`), with the
 * match's organisation so the caller can judge who may see it. Null when there is no such match.
 */
export const findBudgetVsActual = async (
  db: SqlExecutor,
  matchId: string,
): Promise<{ organizationId: string; view: BudgetVsActualView } | null> => {
  const { rows } = await db.query<{ organization_id: string; currency: string; budget: StoredLine[] }>(
    `SELECT organization_id, currency, budget FROM ${s}.matches WHERE id = $1`,
    [matchId],
  );
  const match = rows[0];
  if (!match) return null;
  const money = (minor: string): Money => ({ minor: BigInt(minor), currency: match.currency });
  const reports = await db.query<{ amount: string; status: ReportStatus; lines: StoredLine[] | null }>(
    `SELECT amount_minor::text AS amount, status, lines FROM ${s}.expenditure_reports
     WHERE match_id = $1 ORDER BY submitted_position`,
    [matchId],
  );
  const actual = budgetVsActual(
    match.currency,
    match.budget.map((line) => ({
      code: line.code,
      description: line.description ?? '',
      amount: money(line.amount),
    })),
    reports.rows.map((report) => ({
      amount: money(report.amount),
      status: report.status,
      ...(report.lines && {
        lines: report.lines.map((line) => ({ code: line.code, amount: money(line.amount) })),
      }),
    })),
  );
  return {
    organizationId: match.organization_id,
    view: {
      lines: actual.lines.map(({ code, description, budget, reported, accepted, variance }) => ({
        code,
        description,
        budget: formatMoney(budget),
        reported: formatMoney(reported),
        accepted: formatMoney(accepted),
        variance: formatMoney(variance),
      })),
      unbudgeted: formatMoney(actual.unbudgeted),
    },
  };
};
