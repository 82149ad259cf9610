import type { OfferEvent } from '@multitrack/domain';
import { Topics } from '@multitrack/messaging';
import { parseStreamId } from '@multitrack/domain';
import type { ReadModel } from '../mechanism/read-model';
import { defined, insertRow, touchRow, type Write } from '../mechanism/row-write';
import { minorOf } from '../money-columns';

const migrations = (s: string) => [
  {
    version: 2,
    name: 'offers',
    sql: `
      CREATE TABLE ${s}.offers (
        id text PRIMARY KEY, request_id text NOT NULL, organization_id text NOT NULL, summary text NOT NULL,
        amount_minor numeric(38,0) NOT NULL, currency text NOT NULL, start_date text NOT NULL, end_date text NOT NULL,
        status text NOT NULL, match_id text, revision int8 NOT NULL, submitted_position int8 NOT NULL,
        submitted_at timestamptz NOT NULL, updated_at timestamptz NOT NULL);
      CREATE INDEX ON ${s}.offers (request_id, submitted_position);
      CREATE INDEX ON ${s}.offers (organization_id, submitted_position);`,
  },
  {
    // GET /v1/offers (issue 13): every offer in submission order, or those in one status.
    version: 3,
    name: 'work queue: offers by status',
    sql: `
      CREATE INDEX ON ${s}.offers (submitted_position);
      CREATE INDEX ON ${s}.offers (status, submitted_position);`,
  },
];

const project = (e: Parameters<ReadModel['project']>[0]): Write[] => {
  const event = e as unknown as OfferEvent;
  const id = parseStreamId(e.streamId)!.id;
  const touch = touchRow('offers', id, e);
  switch (event.type) {
    case 'OfferSubmitted': {
      const d = event.data;
      return [
        insertRow('offers', ['id', id], {
          request_id: d.requestId,
          organization_id: d.organizationId,
          summary: d.summary,
          amount_minor: minorOf(d.amount),
          currency: d.amount.currency,
          start_date: d.startDate,
          end_date: d.endDate,
          status: 'submitted',
          revision: e.revision,
          submitted_position: e.position,
          submitted_at: e.recordedAt,
          updated_at: e.recordedAt,
        }),
      ];
    }
    case 'OfferRevised': {
      const d = event.data;
      return [
        touch(
          defined({
            summary: d.summary,
            amount_minor: d.amount && minorOf(d.amount),
            currency: d.amount?.currency,
            start_date: d.startDate,
            end_date: d.endDate,
          }),
        ),
      ];
    }
    case 'OfferWithdrawn':
      return [touch({ status: 'withdrawn' })];
    case 'OfferAccepted':
      return [touch({ status: 'accepted', match_id: event.data.matchId })];
    case 'OfferDeclined':
      return [touch({ status: 'declined' })];
    default:
      return [touch()];
  }
};

/** One row per offer, for officers, auditors and the offering NGO. */
export const offersReadModel: ReadModel = {
  name: 'offers',
  schema: 'rm_offers',
  topics: [Topics.offers],
  migrations,
  entity: { table: 'offers', idColumn: 'id' },
  project,
};
