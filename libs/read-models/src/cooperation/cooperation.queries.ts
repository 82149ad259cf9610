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

/** How the time from a request's publication to one step is spread, in seconds. */
export interface Timing {
  /** Requests that reached the step. */
  count: number;
  median: number | null;
  p90: number | null;
}

/** `GET /v1/cooperation-metrics`: money one entry per currency, timings from each request's publication. */
export interface CooperationSummary {
  requests: number;
  offers: number;
  matches: number;
  committed: WireMoney[];
  disbursed: WireMoney[];
  secondsToFirstOffer: Timing;
  secondsToMatch: Timing;
  secondsToFirstDisbursement: Timing;
  secondsToConfirmedReceipt: Timing;
}

const steps = ['offer', 'match', 'disbursement', 'receipt'] as const;
type Step = (typeof steps)[number];
type SummaryRow = {
  requests: number;
  offers: number;
  matches: number;
  money: { currency: string; committed: string; disbursed: string }[] | null;
} & Record<`${Step}_n`, number> &
  Record<`${Step}_median` | `${Step}_p90`, number | null>;

const timingColumns = steps
  .map(
    (step) =>
      `count(to_${step})::int AS ${step}_n, percentile_cont(0.5) WITHIN GROUP (ORDER BY to_${step}) AS ${step}_median,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY to_${step}) AS ${step}_p90`,
  )
  .join(',\n');
const seconds = (column: string) => `extract(epoch FROM (${column} - t.published_at))::float8`;

/**
 * Over the published requests on `track` and in `country` (either or both absent: all): how many
 * requests, offers and matches (several per request count each), the money committed and
 * disbursed, and median and 90th percentile of the time to the first offer, the first match, the
 * first disbursement and the first confirmed receipt (over all the request's matches).
 */
export const cooperationSummary = async (
  db: SqlExecutor,
  filters: { track?: number; country?: string } = {},
): Promise<CooperationSummary> => {
  const { rows } = await db.query<SummaryRow>(
    `WITH t AS (
       SELECT * FROM ${s}.timelines WHERE published_at IS NOT NULL
         AND ($1::int IS NULL OR $1 = ANY(tracks)) AND ($2::text IS NULL OR country = $2)),
     m AS (SELECT tm.* FROM ${s}.timeline_matches tm JOIN t USING (request_id)),
     firsts AS (
       SELECT request_id, min(first_disbursed_at) AS first_disbursed_at, min(first_receipt_at) AS first_receipt_at
       FROM m GROUP BY request_id),
     durations AS (
       SELECT ${seconds('t.first_offer_at')} AS to_offer, ${seconds('t.matched_at')} AS to_match,
         ${seconds('f.first_disbursed_at')} AS to_disbursement, ${seconds('f.first_receipt_at')} AS to_receipt
       FROM t LEFT JOIN firsts f USING (request_id))
     SELECT (SELECT count(*)::int FROM t) AS requests,
       (SELECT coalesce(sum(offer_count), 0)::int FROM t) AS offers,
       (SELECT count(*)::int FROM m) AS matches,
       (SELECT json_agg(json_build_object('currency', currency, 'committed', committed, 'disbursed', disbursed)
          ORDER BY currency)
        FROM (SELECT currency, sum(committed_minor)::text AS committed, sum(disbursed_minor)::text AS disbursed
              FROM m WHERE currency IS NOT NULL GROUP BY currency) money) AS money,
       ${timingColumns}
     FROM durations`,
    [filters.track ?? null, filters.country ?? null],
  );
  const row = rows[0];
  const timing = (step: Step): Timing => ({
    count: row[`${step}_n`],
    median: row[`${step}_median`] === null ? null : Number(row[`${step}_median`]),
    p90: row[`${step}_p90`] === null ? null : Number(row[`${step}_p90`]),
  });
  const money = row.money ?? [];
  return {
    requests: row.requests,
    offers: row.offers,
    matches: row.matches,
    committed: money.map((entry) => wireOrZero(entry.committed, entry.currency)),
    disbursed: money.map((entry) => wireOrZero(entry.disbursed, entry.currency)),
    secondsToFirstOffer: timing('offer'),
    secondsToMatch: timing('match'),
    secondsToFirstDisbursement: timing('disbursement'),
    secondsToConfirmedReceipt: timing('receipt'),
  };
};
