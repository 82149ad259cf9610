import type { OfferEvent, RequestEvent } from '@multitrack/domain';
import { entityIdOf, type EventEnvelope } from '../envelope';
import { sql, touchRow, type ReadModel, type Statement } from '../mechanism/read-model';
import { minorOf } from '../money-columns';
import { Topics } from '../topics';

const migrations = (s: string) => [
  {
    version: 2,
    name: 'requests board',
    sql: `
      CREATE TABLE ${s}.requests (
        id text PRIMARY KEY, title text NOT NULL, description text NOT NULL, tracks int[] NOT NULL,
        country text NOT NULL, budget_minor numeric(38,0) NOT NULL, currency text NOT NULL,
        needed_by text NOT NULL, status text NOT NULL,
        match_id text, revision int8 NOT NULL, published_position int8 NOT NULL,
        published_at timestamptz NOT NULL, updated_at timestamptz NOT NULL);
      CREATE INDEX ON ${s}.requests (published_position);
      CREATE INDEX ON ${s}.requests (status, published_position);
      CREATE INDEX ON ${s}.requests (country, published_position);
      CREATE INDEX ON ${s}.requests USING gin (tracks);
      -- offers arrive on another topic, in no order relative to their request: they are counted
      -- when read rather than kept as a counter on a row that may not exist yet
      CREATE TABLE ${s}.request_offers (offer_id text PRIMARY KEY, request_id text NOT NULL, active boolean NOT NULL);
      CREATE INDEX ON ${s}.request_offers (request_id) WHERE active;`,
  },
];

const onRequest = (s: string, event: RequestEvent, e: EventEnvelope): Statement[] => {
  const id = entityIdOf(e.streamId);
  const touch = touchRow(s, 'requests', id, e);
  switch (event.type) {
    case 'HelpRequestPublished': {
      const d = event.data;
      return [
        sql(
          `INSERT INTO ${s}.requests (id, title, description, tracks, country, budget_minor, currency, needed_by,
             status, revision, published_position, published_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open', $9, $10, $11, $11)`,
          id, d.title, d.description, d.tracks, d.country, minorOf(d.budget), d.budget.currency, d.neededBy,
          e.revision, e.position, e.recordedAt,
        ),
      ];
    }
    case 'HelpRequestAmended': {
      const d = event.data;
      return [
        touch(
          `title = COALESCE($4, title), description = COALESCE($5, description),
           budget_minor = COALESCE($6::numeric, budget_minor), currency = COALESCE($7, currency),
           needed_by = COALESCE($8, needed_by)`,
          d.title ?? null, d.description ?? null, d.budget ? minorOf(d.budget) : null, d.budget?.currency ?? null,
          d.neededBy ?? null,
        ),
      ];
    }
    case 'RequestMatched':
      return [touch(`status = 'matched', match_id = $4`, event.data.matchId)];
    case 'HelpRequestClosed':
      return [touch(`status = 'closed'`)];
    case 'HelpRequestCancelled':
      return [touch(`status = 'cancelled'`)];
    default:
      return [touch('')];
  }
};

const onOffer = (s: string, event: OfferEvent): Statement[] => {
  switch (event.type) {
    case 'OfferSubmitted':
      return [
        sql(`INSERT INTO ${s}.request_offers (offer_id, request_id, active) VALUES ($1, $2, true)`, event.data.offerId, event.data.requestId),
      ];
    case 'OfferWithdrawn':
      return [sql(`UPDATE ${s}.request_offers SET active = false WHERE offer_id = $1`, event.data.offerId)];
    default:
      return [];
  }
};

/** The requests board: one row per help request, with the number of live offers. */
export const requestsReadModel: ReadModel = {
  name: 'requests',
  schema: 'rm_requests',
  topics: [Topics.requests, Topics.offers],
  migrations,
  entity: { table: 'requests', idColumn: 'id' },
  project(e, s) {
    if (e.streamId.startsWith('request-')) return onRequest(s, e as unknown as RequestEvent, e);
    if (e.streamId.startsWith('offer-')) return onOffer(s, e as unknown as OfferEvent);
    return [];
  },
};
