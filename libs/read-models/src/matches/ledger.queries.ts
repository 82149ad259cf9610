import type { WireMoney } from '@multitrack/domain';
import type { SqlExecutor } from '@multitrack/database';
import { wireOrZero } from '../money-columns';
import { matchesReadModel } from './matches.read-model';

export type LedgerDimension = 'match' | 'organization' | 'track' | 'country' | 'currency';

/** One line of the funding ledger: amounts never add across currencies, so currency is part of the key. */
export interface LedgerLine {
  /** The match id, organisation id, track number (as text), country code or currency. */
  key: string;
  currency: string;
  matches: number;
  committed: WireMoney;
  disbursed: WireMoney;
  pendingApproval: WireMoney;
  confirmedReceived: WireMoney;
  /** Tranches whose confirmed receipt differed from the amount sent, and the sum of (sent − received). */
  discrepancies: { count: number; amount: WireMoney };
  /** The reports not replaced by a correction, reviewed or not. */
  reportedExpenditure: WireMoney;
  /** The reports an officer accepted: what the IATI export counts as expenditure. */
  acceptedExpenditure: WireMoney;
  /** Committed and not yet disbursed. */
  outstanding: WireMoney;
}

export interface LedgerFilters {
  organizationId?: string;
  country?: string;
  track?: number;
  currency?: string;
}

// A match counts once under each track of its request: totals by track overlap on purpose.
const keyOf: Record<LedgerDimension, string> = {
  match: 'm.id',
  organization: 'm.organization_id',
  track: 'unnest(r.tracks)::text',
  country: 'r.country',
  currency: 'm.currency',
};

interface Row {
  key: string;
  currency: string;
  matches: number;
  committed: string;
  disbursed: string;
  pending: string;
  confirmed: string;
  discrepancy_count: number;
  discrepancy: string;
  expenditure: string;
  accepted: string;
}

const s = matchesReadModel.schema;

export const fundingLedger = async (
  db: SqlExecutor,
  by: LedgerDimension,
  filters: LedgerFilters = {},
): Promise<LedgerLine[]> => {
  const { rows } = await db.query<Row>(
    `SELECT key, currency, count(*)::int AS matches, sum(committed_minor)::text AS committed,
       sum(disbursed_minor)::text AS disbursed, sum(pending_minor)::text AS pending, sum(confirmed_minor)::text AS confirmed,
       sum(discrepancy_count)::int AS discrepancy_count, sum(discrepancy_minor)::text AS discrepancy,
       sum(expenditure_minor)::text AS expenditure, sum(accepted_minor)::text AS accepted
     FROM (SELECT ${keyOf[by]} AS key, m.* FROM ${s}.matches m LEFT JOIN ${s}.match_requests r ON r.request_id = m.request_id
           WHERE ($1::text IS NULL OR m.organization_id = $1) AND ($2::text IS NULL OR r.country = $2)
             AND ($3::int IS NULL OR r.tracks @> ARRAY[$3::int]) AND ($4::text IS NULL OR m.currency = $4)) lines
     WHERE key IS NOT NULL
     GROUP BY key, currency ORDER BY key, currency`,
    [
      filters.organizationId ?? null,
      filters.country ?? null,
      filters.track ?? null,
      filters.currency ?? null,
    ],
  );
  return rows.map((row) => {
    const money = (minor: string) => wireOrZero(minor, row.currency);
    return {
      key: row.key,
      currency: row.currency,
      matches: Number(row.matches),
      committed: money(row.committed),
      disbursed: money(row.disbursed),
      pendingApproval: money(row.pending),
      confirmedReceived: money(row.confirmed),
      discrepancies: { count: Number(row.discrepancy_count), amount: money(row.discrepancy) },
      reportedExpenditure: money(row.expenditure),
      acceptedExpenditure: money(row.accepted),
      outstanding: money((BigInt(row.committed) - BigInt(row.disbursed)).toString()),
    };
  });
};
