import type { WireMoney } from '@multitrack/domain';
import type { SqlExecutor } from '@multitrack/database';
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

/** `GET /v1/matches/{id}`. */
export interface MatchView {
  id: string;
  requestId: string;
  offerId: string;
  organizationId: string;
  status: 'active' | 'completed' | 'cancelled';
  committed: WireMoney;
  disbursed: WireMoney;
  pendingApproval: WireMoney;
  reportedExpenditure: WireMoney;
  confirmedReceived: WireMoney;
  disbursements: DisbursementView[];
  revision: number;
}

interface MatchRow {
  id: string;
  request_id: string;
  offer_id: string;
  organization_id: string;
  status: MatchView['status'];
  currency: string;
  committed: string;
  disbursed: string;
  pending: string;
  expenditure: string;
  confirmed: string;
  revision: number;
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

export const findMatch = async (db: SqlExecutor, id: string): Promise<MatchView | null> => {
  const { rows } = await db.query<MatchRow>(
    `SELECT id, request_id, offer_id, organization_id, status, currency, committed_minor::text AS committed,
       disbursed_minor::text AS disbursed, pending_minor::text AS pending, expenditure_minor::text AS expenditure,
       confirmed_minor::text AS confirmed, revision
     FROM ${s}.matches WHERE id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row) return null;
  const disbursements = await db.query<DisbursementRow>(
    `SELECT id, amount_minor::text AS amount, currency, reference, status, requested_by, approved_by,
       receipt_minor::text AS receipt, received_on, expected_minor::text AS expected
     FROM ${s}.disbursements WHERE match_id = $1 ORDER BY requested_position`,
    [id],
  );
  const money = (minor: string) => wireOrZero(minor, row.currency);
  return {
    id: row.id,
    requestId: row.request_id,
    offerId: row.offer_id,
    organizationId: row.organization_id,
    status: row.status,
    committed: money(row.committed),
    disbursed: money(row.disbursed),
    pendingApproval: money(row.pending),
    reportedExpenditure: money(row.expenditure),
    confirmedReceived: money(row.confirmed),
    disbursements: disbursements.rows.map(toDisbursement),
    revision: Number(row.revision),
  };
};
