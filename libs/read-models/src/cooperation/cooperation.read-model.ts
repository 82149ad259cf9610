import type { MatchEvent, OfferEvent, RequestEvent } from '@multitrack/domain';
import { type EventEnvelope } from '../envelope';
import { sql, type ReadModel, type Statement } from '../mechanism/read-model';
import { minorOf } from '../money-columns';
import { Topics } from '../topics';

const migrations = (s: string) => [
  {
    version: 2,
    name: 'request timelines',
    sql: `
      -- one row per request: when each step of the cooperation first happened. Rows are upserted
      -- from three topics in any order, so every column may arrive first; LEAST/GREATEST ignore NULLs.
      CREATE TABLE ${s}.timelines (
        request_id text PRIMARY KEY, tracks int[], country text, published_at timestamptz,
        first_offer_at timestamptz, matched_at timestamptz, first_disbursed_at timestamptz,
        last_disbursed_at timestamptz, first_receipt_at timestamptz, currency text,
        disbursed_minor numeric(38,0) NOT NULL DEFAULT 0);
      CREATE TABLE ${s}.timeline_matches (match_id text PRIMARY KEY, request_id text NOT NULL);`,
  },
];

const upsert = (s: string, requestId: string, column: string, at: string, merge = 'LEAST'): Statement =>
  sql(
    `INSERT INTO ${s}.timelines (request_id, ${column}) VALUES ($1, $2)
     ON CONFLICT (request_id) DO UPDATE SET ${column} = ${merge}(${s}.timelines.${column}, excluded.${column})`,
    requestId,
    at,
  );

/** Updates the timeline of the request a match belongs to (MatchMade precedes in the match stream). */
const viaMatch = (s: string, matchId: string, set: string, ...params: unknown[]): Statement =>
  sql(
    `UPDATE ${s}.timelines t SET ${set} FROM ${s}.timeline_matches m WHERE m.match_id = $1 AND t.request_id = m.request_id`,
    matchId,
    ...params,
  );

const onEvent = (s: string, e: EventEnvelope): Statement[] => {
  const event = e as unknown as RequestEvent | OfferEvent | MatchEvent;
  switch (event.type) {
    case 'HelpRequestPublished':
      return [
        upsert(s, event.data.requestId, 'published_at', e.recordedAt),
        sql(`UPDATE ${s}.timelines SET tracks = $2, country = $3 WHERE request_id = $1`, event.data.requestId, event.data.tracks, event.data.country),
      ];
    case 'OfferSubmitted':
      return [upsert(s, event.data.requestId, 'first_offer_at', e.recordedAt)];
    case 'MatchMade':
      return [
        sql(`INSERT INTO ${s}.timeline_matches (match_id, request_id) VALUES ($1, $2)`, event.data.matchId, event.data.requestId),
        upsert(s, event.data.requestId, 'matched_at', e.recordedAt),
        sql(`UPDATE ${s}.timelines SET currency = $2 WHERE request_id = $1`, event.data.requestId, event.data.currency),
      ];
    case 'FundsDisbursed':
      return [
        viaMatch(
          s,
          event.data.matchId,
          `first_disbursed_at = LEAST(t.first_disbursed_at, $2::timestamptz),
           last_disbursed_at = GREATEST(t.last_disbursed_at, $2::timestamptz), disbursed_minor = t.disbursed_minor + $3`,
          e.recordedAt,
          minorOf(event.data.amount),
        ),
      ];
    case 'DisbursementReversed':
      return [viaMatch(s, event.data.matchId, 'disbursed_minor = t.disbursed_minor - $2', minorOf(event.data.amount))];
    case 'DisbursementReceiptConfirmed':
      return [viaMatch(s, event.data.matchId, 'first_receipt_at = LEAST(t.first_receipt_at, $2::timestamptz)', e.recordedAt)];
    default:
      return [];
  }
};

/** How fast the tracks cooperate: per request, when it got its first offer, match, money, receipt. */
export const cooperationReadModel: ReadModel = {
  name: 'cooperation',
  schema: 'rm_cooperation',
  topics: [Topics.requests, Topics.offers, Topics.matches],
  migrations,
  project: (e, s) => onEvent(s, e),
};
