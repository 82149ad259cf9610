import type { WireMoney } from '@multitrack/domain';
import type { SqlExecutor } from '@multitrack/database';
import type { Page, PageOf } from '../cursor';
import { keysetRows } from '../keyset';
import { wireOf, wireOrZero } from '../money-columns';
import { matchesReadModel } from './matches.read-model';

export interface DisbursementView {
  id: string;
  amount: WireMoney;
  reference: string;
  status: 'requested' | 'pending_approval' | 'disbursed' | 'reversed';
  requestedBy: string;
  approvedBy?: string;
  receipt?: {
    amount: WireMoney;
    receivedOn: string;
    discrepancy?: { expected: WireMoney; received: WireMoney };
  };
}

export interface ReportView {
  id: string;
  amount: WireMoney;
  status: 'submitted' | 'accepted' | 'changes_requested' | 'replaced';
  lines?: { code: string; amount: WireMoney }[];
}

/** `GET /v1/matches/{id}`. */
export interface MatchView {
  id: string;
  requestId: string;
  offerId: string;
  organizationId: string;
  kind: 'funding' | 'in-kind' | 'expertise';
  status: 'active' | 'completed' | 'cancelled';
  committed: WireMoney;
  disbursed: WireMoney;
  pendingApproval: WireMoney;
  reportedExpenditure: WireMoney;
  confirmedReceived: WireMoney;
  acceptedExpenditure: WireMoney;
  reportBetweenTranches: boolean;
  disbursements: DisbursementView[];
  reports: ReportView[];
  revision: number;
}

interface MatchRow {
  id: string;
  request_id: string;
  offer_id: string;
  organization_id: string;
  kind: MatchView['kind'];
  status: MatchView['status'];
  currency: string;
  committed: string;
  disbursed: string;
  pending: string;
  expenditure: string;
  confirmed: string;
  accepted: string;
  report_between_tranches: boolean;
  revision: number;
  made_position: number;
}

interface DisbursementRow {
  id: string;
  amount: string;
  currency: string;
  reference: string;
  status: DisbursementView['status'];
  requested_by: string;
  approved_by: string | null;
  receipt: string | null;
  received_on: string | null;
  expected: string | null;
}

const s = matchesReadModel.schema;

/** A line as the read model keeps it: the amount in minor units of the match currency. */
export interface StoredLine {
  code: string;
  description?: string;
  amount: string;
}

interface ReportRow {
  id: string;
  amount: string;
  currency: string;
  status: ReportView['status'];
  lines: StoredLine[] | null;
}

const toReport = (row: ReportRow): ReportView => ({
  id: row.id,
  amount: wireOf(row.amount, row.currency)!,
  status: row.status,
  ...(row.lines && {
    lines: row.lines.map((line) => ({ code: line.code, amount: wireOf(line.amount, row.currency)! })),
  }),
});

const toDisbursement = (row: DisbursementRow): DisbursementView => ({
  id: row.id,
  amount: wireOf(row.amount, row.currency)!,
  reference: row.reference,
  status: row.status,
  requestedBy: row.requested_by,
  ...(row.approved_by ? { approvedBy: row.approved_by } : {}),
  ...(row.receipt !== null && row.received_on !== null
    ? {
        receipt: {
          amount: wireOf(row.receipt, row.currency)!,
          receivedOn: row.received_on,
          ...(row.expected !== null
            ? {
                discrepancy: {
                  expected: wireOf(row.expected, row.currency)!,
                  received: wireOf(row.receipt, row.currency)!,
                },
              }
            : {}),
        },
      }
    : {}),
});

const matchColumns = `id, request_id, offer_id, organization_id, kind, status, currency, committed_minor::text AS committed,
  disbursed_minor::text AS disbursed, pending_minor::text AS pending, expenditure_minor::text AS expenditure,
  confirmed_minor::text AS confirmed, accepted_minor::text AS accepted, report_between_tranches, revision, made_position`;

/** The tranches of the given matches, in request order, by match. */
const disbursementsOf = async (db: SqlExecutor, ids: string[]): Promise<Map<string, DisbursementView[]>> => {
  const byMatch = new Map<string, DisbursementView[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byMatch;
  const { rows } = await db.query<DisbursementRow & { match_id: string }>(
    `SELECT match_id, id, amount_minor::text AS amount, currency, reference, status, requested_by, approved_by,
       receipt_minor::text AS receipt, received_on, expected_minor::text AS expected
     FROM ${s}.disbursements WHERE match_id = ANY($1::text[]) ORDER BY requested_position`,
    [ids],
  );
  for (const row of rows) byMatch.get(row.match_id)?.push(toDisbursement(row));
  return byMatch;
};

/** The reports of the given matches, in the order they came in, by match. */
const reportsOf = async (db: SqlExecutor, ids: string[]): Promise<Map<string, ReportView[]>> => {
  const byMatch = new Map<string, ReportView[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byMatch;
  const { rows } = await db.query<ReportRow & { match_id: string }>(
    `SELECT match_id, id, amount_minor::text AS amount, currency, status, lines
     FROM ${s}.expenditure_reports WHERE match_id = ANY($1::text[]) ORDER BY submitted_position`,
    [ids],
  );
  for (const row of rows) byMatch.get(row.match_id)?.push(toReport(row));
  return byMatch;
};

const toMatch = (row: MatchRow, disbursements: DisbursementView[], reports: ReportView[]): MatchView => {
  const money = (minor: string) => wireOrZero(minor, row.currency);
  return {
    id: row.id,
    requestId: row.request_id,
    offerId: row.offer_id,
    organizationId: row.organization_id,
    kind: row.kind,
    status: row.status,
    committed: money(row.committed),
    disbursed: money(row.disbursed),
    pendingApproval: money(row.pending),
    reportedExpenditure: money(row.expenditure),
    confirmedReceived: money(row.confirmed),
    acceptedExpenditure: money(row.accepted),
    reportBetweenTranches: row.report_between_tranches,
    disbursements,
    reports,
    revision: Number(row.revision),
  };
};

export const findMatch = async (db: SqlExecutor, id: string): Promise<MatchView | null> => {
  const { rows } = await db.query<MatchRow>(`SELECT ${matchColumns} FROM ${s}.matches WHERE id = $1`, [id]);
  const row = rows[0];
  if (!row) return null;
  const [disbursements, reports] = await Promise.all([disbursementsOf(db, [id]), reportsOf(db, [id])]);
  return toMatch(row, disbursements.get(id) ?? [], reports.get(id) ?? []);
};

export interface MatchFilters {
  requestId?: string;
  organizationId?: string;
  status?: MatchView['status'];
  /** An NGO caller's own organisation: it sees only its matches whatever `organizationId` says. */
  visibleOrganizationId?: string;
}

/** `GET /v1/matches`: oldest first (the order they were made), each as `GET /v1/matches/{id}`. */
export const listMatches = async (
  db: SqlExecutor,
  filters: MatchFilters,
  page: Page = {},
): Promise<PageOf<MatchView>> => {
  const { rows, toPage } = await keysetRows<MatchRow>(
    db,
    {
      select: `SELECT ${matchColumns} FROM ${s}.matches`,
      conditions: [
        ['request_id', '=', filters.requestId],
        ['organization_id', '=', filters.organizationId],
        ['organization_id', '=', filters.visibleOrganizationId],
        ['status', '=', filters.status],
      ],
      order: 'made_position',
      orderOf: (row) => Number(row.made_position),
    },
    page,
  );
  const ids = rows.map((row) => row.id);
  const [disbursements, reports] = await Promise.all([disbursementsOf(db, ids), reportsOf(db, ids)]);
  return toPage((row) => toMatch(row, disbursements.get(row.id) ?? [], reports.get(row.id) ?? []));
};

/** One tranche waiting for a second officer, as `GET /v1/approvals` lists it. */
export interface ApprovalView {
  matchId: string;
  disbursementId: string;
  amount: WireMoney;
  reference: string;
  requestedBy: string;
  requestedAt: string | null;
  organizationId: string;
}

interface ApprovalRow {
  match_id: string;
  id: string;
  amount: string;
  currency: string;
  reference: string;
  requested_by: string;
  requested_at: Date | string | null;
  organization_id: string;
  requested_position: number;
}

/**
 * The tranches waiting for approval that `approver` may approve: never those it requested (four
 * eyes). Oldest first; served by the partial index on the waiting tranches.
 */
export const listPendingApprovals = async (
  db: SqlExecutor,
  approver: string,
  page: Page = {},
): Promise<PageOf<ApprovalView>> => {
  const { toPage } = await keysetRows<ApprovalRow>(
    db,
    {
      select: `SELECT d.match_id, d.id, d.amount_minor::text AS amount, d.currency, d.reference, d.requested_by,
         d.requested_at, m.organization_id, d.requested_position
       FROM ${s}.disbursements d JOIN ${s}.matches m ON m.id = d.match_id`,
      always: `d.status = 'pending_approval'`,
      conditions: [['d.requested_by', '<>', approver]],
      order: 'd.requested_position',
      orderOf: (row) => Number(row.requested_position),
    },
    page,
  );
  return toPage((row) => ({
    matchId: row.match_id,
    disbursementId: row.id,
    amount: wireOf(row.amount, row.currency)!,
    reference: row.reference,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at === null ? null : new Date(row.requested_at).toISOString(),
    organizationId: row.organization_id,
  }));
};
