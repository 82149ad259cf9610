import type { OfferEvent, RequestEvent } from '@multitrack/domain';
import { type EventEnvelope, Topics } from '@multitrack/messaging';
import { parseStreamId } from '@multitrack/domain';
import type { ReadModel } from '../mechanism/read-model';
import { defined, insertRow, touchRow, updateRow, type Write } from '../mechanism/row-write';
import { minorOf } from '../money-columns';

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
  {
    // Several partners on one request (decision 0182): every match of a request, in order.
    version: 3,
    name: 'every match of a request',
    sql: `
      CREATE TABLE ${s}.request_matches (match_id text PRIMARY KEY, request_id text NOT NULL, position int8 NOT NULL);
      CREATE INDEX ON ${s}.request_matches (request_id, position);
      INSERT INTO ${s}.request_matches (match_id, request_id, position)
        SELECT match_id, id, revision FROM ${s}.requests WHERE match_id IS NOT NULL;`,
  },
];

const onRequest = (event: RequestEvent, e: EventEnvelope): Write[] => {
  const id = parseStreamId(e.streamId)!.id;
  const touch = touchRow('requests', id, e);
  switch (event.type) {
    case 'HelpRequestPublished': {
      const d = event.data;
      return [
        insertRow('requests', ['id', id], {
          title: d.title,
          description: d.description,
          tracks: d.tracks,
          country: d.country,
          budget_minor: minorOf(d.budget),
          currency: d.budget.currency,
          needed_by: d.neededBy,
          status: 'open',
          revision: e.revision,
          published_position: e.position,
          published_at: e.recordedAt,
          updated_at: e.recordedAt,
        }),
      ];
    }
    case 'HelpRequestAmended': {
      const d = event.data;
      return [
        touch(
          defined({
            title: d.title,
            description: d.description,
            budget_minor: d.budget && minorOf(d.budget),
            currency: d.budget?.currency,
            needed_by: d.neededBy,
          }),
        ),
      ];
    }
    case 'RequestMatched':
      return [
        touch({ ...(!event.data.keptOpen && { status: 'matched' }), match_id: event.data.matchId }),
        insertRow('request_matches', ['match_id', event.data.matchId], {
          request_id: id,
          position: e.position,
        }),
      ];
    case 'HelpRequestClosed':
      return [touch({ status: 'closed' })];
    case 'HelpRequestCancelled':
      return [touch({ status: 'cancelled' })];
    default:
      return [touch()];
  }
};

const onOffer = (event: OfferEvent): Write[] => {
  const offer: [string, string] = ['offer_id', event.data.offerId];
  switch (event.type) {
    case 'OfferSubmitted':
      return [insertRow('request_offers', offer, { request_id: event.data.requestId, active: true })];
    case 'OfferWithdrawn':
      return [updateRow('request_offers', offer, { active: false })];
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
  project(e) {
    if (e.streamId.startsWith('request-')) return onRequest(e as unknown as RequestEvent, e);
    if (e.streamId.startsWith('offer-')) return onOffer(e as unknown as OfferEvent);
    return [];
  },
};
