import type { MatchEvent, OfferEvent, RequestEvent } from '@multitrack/domain';
import { type EventEnvelope, Topics } from '@multitrack/messaging';
import type { ReadModel } from '../mechanism/read-model';
import { add, greatest, insertRow, least, updateRow, upsertRow, type Write } from '../mechanism/row-write';
import { minorOf } from '../money-columns';

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
  {
    version: 3,
    name: 'money steps per match',
    // A disbursement names its match, not its request: kept on the match's row, each event touches
    // one row it knows, so a batch folds and writes them in one statement. Existing timelines are
    // carried over (exact for one match per request; a rebuild makes any other case exact).
    sql: `
      ALTER TABLE ${s}.timeline_matches ADD COLUMN first_disbursed_at timestamptz, ADD COLUMN last_disbursed_at timestamptz,
        ADD COLUMN first_receipt_at timestamptz, ADD COLUMN disbursed_minor numeric(38,0) NOT NULL DEFAULT 0;
      UPDATE ${s}.timeline_matches m SET first_disbursed_at = t.first_disbursed_at, last_disbursed_at = t.last_disbursed_at,
        first_receipt_at = t.first_receipt_at, disbursed_minor = t.disbursed_minor
        FROM ${s}.timelines t WHERE t.request_id = m.request_id;
      ALTER TABLE ${s}.timelines DROP COLUMN first_disbursed_at, DROP COLUMN last_disbursed_at, DROP COLUMN first_receipt_at,
        DROP COLUMN disbursed_minor;
      CREATE INDEX ON ${s}.timeline_matches (request_id);`,
  },
  {
    version: 4,
    name: 'offers counted, money committed per match',
    // GET /v1/cooperation-metrics (issue 13). The currency is carried over from the request's row;
    // the offer counts and commitments of older events need a rebuild
    // (npm run projections:rebuild -- --projection cooperation; decision 0184).
    sql: `
      ALTER TABLE ${s}.timelines ADD COLUMN offer_count int NOT NULL DEFAULT 0;
      ALTER TABLE ${s}.timeline_matches ADD COLUMN currency text,
        ADD COLUMN committed_minor numeric(38,0) NOT NULL DEFAULT 0;
      UPDATE ${s}.timeline_matches m SET currency = t.currency FROM ${s}.timelines t WHERE t.request_id = m.request_id;
      CREATE INDEX ON ${s}.timelines (country);`,
  },
];

const timeline = (requestId: string, changes: Record<string, unknown>) =>
  upsertRow('timelines', ['request_id', requestId], changes);

/** The money steps are kept per match (MatchMade precedes them in the match stream) and summed per request when read. */
const ofMatch = (matchId: string, changes: Record<string, unknown>) =>
  updateRow('timeline_matches', ['match_id', matchId], changes);

const onEvent = (e: EventEnvelope): Write[] => {
  const event = e as unknown as RequestEvent | OfferEvent | MatchEvent;
  switch (event.type) {
    case 'HelpRequestPublished':
      return [
        timeline(event.data.requestId, {
          published_at: least(e.recordedAt),
          tracks: event.data.tracks,
          country: event.data.country,
        }),
      ];
    case 'OfferSubmitted':
      return [timeline(event.data.requestId, { first_offer_at: least(e.recordedAt), offer_count: add(1) })];
    case 'MatchMade':
      return [
        insertRow('timeline_matches', ['match_id', event.data.matchId], {
          request_id: event.data.requestId,
          currency: event.data.currency,
        }),
        timeline(event.data.requestId, { matched_at: least(e.recordedAt), currency: event.data.currency }),
      ];
    case 'FundsCommitted':
      return [ofMatch(event.data.matchId, { committed_minor: add(minorOf(event.data.amount)) })];
    case 'FundsDecommitted':
      return [ofMatch(event.data.matchId, { committed_minor: add(-BigInt(minorOf(event.data.amount))) })];
    case 'FundsDisbursed':
      return [
        ofMatch(event.data.matchId, {
          first_disbursed_at: least(e.recordedAt),
          last_disbursed_at: greatest(e.recordedAt),
          disbursed_minor: add(minorOf(event.data.amount)),
        }),
      ];
    case 'DisbursementReversed':
      return [ofMatch(event.data.matchId, { disbursed_minor: add(-BigInt(minorOf(event.data.amount))) })];
    case 'DisbursementReceiptConfirmed':
      return [ofMatch(event.data.matchId, { first_receipt_at: least(e.recordedAt) })];
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
  project: (e) => onEvent(e),
};
