import type { WireMoney } from '@multitrack/domain';
import type { SqlExecutor } from '@multitrack/database';
import { wireOrZero } from '../money-columns';
import { cooperationReadModel } from './cooperation.read-model';

export interface CooperationMetrics {
  /** The track number (as text) or country code. */
  key: string;
  requests: number;
  matched: number;
  /** matched / requests, 0 when there are no requests. */
  matchRate: number;
  /** Averages in days over the requests that reached the step; null when none did. */
  daysToFirstOffer: number | null;
  daysToMatch: number | null;
  daysToFirstDisbursement: number | null;
  daysToConfirmedReceipt: number | null;
  /** Money disbursed per day between the match and the latest disbursement, per currency. */
  disbursementVelocity: { perDay: WireMoney }[];
}

interface Row {
  key: string;
  requests: number;
  matched: number;
  to_offer: number | null;
  to_match: number | null;
  to_disbursement: number | null;
  to_receipt: number | null;
  velocity: { currency: string; disbursed: string; days: number }[] | null;
}

const s = cooperationReadModel.schema;
const days = (column: string) => `avg(extract(epoch FROM (${column} - published_at)) / 86400)::float8`;

export const cooperationMetrics = async (
  db: SqlExecutor,
  by: 'track' | 'country',
): Promise<CooperationMetrics[]> => {
  const key = by === 'track' ? 'unnest(tracks)::text' : 'country';
  const { rows } = await db.query<Row>(
    `WITH money AS (
       SELECT request_id, min(first_disbursed_at) AS first_disbursed_at, max(last_disbursed_at) AS last_disbursed_at,
         min(first_receipt_at) AS first_receipt_at, sum(disbursed_minor) AS disbursed_minor
       FROM ${s}.timeline_matches GROUP BY request_id),
     timelines AS (
       SELECT ${key} AS key, t.*, m.first_disbursed_at, m.last_disbursed_at, m.first_receipt_at, m.disbursed_minor
       FROM ${s}.timelines t LEFT JOIN money m USING (request_id) WHERE published_at IS NOT NULL),
     velocity AS (
       SELECT key, currency, sum(disbursed_minor)::text AS disbursed,
         sum(extract(epoch FROM (last_disbursed_at - matched_at)) / 86400)::float8 AS days
       FROM timelines WHERE last_disbursed_at IS NOT NULL AND currency IS NOT NULL GROUP BY key, currency)
     SELECT t.key, count(*)::int AS requests, count(matched_at)::int AS matched,
       ${days('first_offer_at')} AS to_offer, ${days('matched_at')} AS to_match,
       ${days('first_disbursed_at')} AS to_disbursement, ${days('first_receipt_at')} AS to_receipt,
       (SELECT json_agg(json_build_object('currency', v.currency, 'disbursed', v.disbursed, 'days', v.days))
          FROM velocity v WHERE v.key = t.key) AS velocity
     FROM timelines t GROUP BY t.key ORDER BY t.key`,
  );
  return rows.map((row) => ({
    key: row.key,
    requests: row.requests,
    matched: row.matched,
    matchRate: row.requests === 0 ? 0 : row.matched / row.requests,
    daysToFirstOffer: row.to_offer,
    daysToMatch: row.to_match,
    daysToFirstDisbursement: row.to_disbursement,
    daysToConfirmedReceipt: row.to_receipt,
    disbursementVelocity: (row.velocity ?? []).map((v) => ({
      // whole minor units per day: money stays integral, a fraction of a cent per day is noise
      perDay: wireOrZero(
        (BigInt(v.disbursed) / BigInt(Math.max(1, Math.ceil(v.days)))).toString(),
        v.currency,
      ),
    })),
  }));
};
