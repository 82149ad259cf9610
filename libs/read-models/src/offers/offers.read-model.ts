import type { OfferEvent } from '@multitrack/domain';
import { entityIdOf } from '../envelope';
import { sql, touchRow, type ReadModel, type Statement } from '../mechanism/read-model';
import { minorOf } from '../money-columns';
import { Topics } from '../topics';

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
];

const project = (e: Parameters<ReadModel['project']>[0], s: string): Statement[] => {
  const event = e as unknown as OfferEvent;
  const id = entityIdOf(e.streamId);
  const touch = touchRow(s, 'offers', id, e);
  switch (event.type) {
    case 'OfferSubmitted': {
      const d = event.data;
      return [
        sql(
          `INSERT INTO ${s}.offers (id, request_id, organization_id, summary, amount_minor, currency, start_date, end_date,
             status, revision, submitted_position, submitted_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'submitted', $9, $10, $11, $11)`,
          id, d.requestId, d.organizationId, d.summary, minorOf(d.amount), d.amount.currency, d.startDate, d.endDate,
          e.revision, e.position, e.recordedAt,
        ),
      ];
    }
    case 'OfferRevised': {
      const d = event.data;
      return [
        touch(
          `summary = COALESCE($4, summary), amount_minor = COALESCE($5::numeric, amount_minor),
           currency = COALESCE($6, currency), start_date = COALESCE($7, start_date), end_date = COALESCE($8, end_date)`,
          d.summary ?? null, d.amount ? minorOf(d.amount) : null, d.amount?.currency ?? null, d.startDate ?? null, d.endDate ?? null,
        ),
      ];
    }
    case 'OfferWithdrawn':
      return [touch(`status = 'withdrawn'`)];
    case 'OfferAccepted':
      return [touch(`status = 'accepted', match_id = $4`, event.data.matchId)];
    case 'OfferDeclined':
      return [touch(`status = 'declined'`)];
    default:
      return [touch('')];
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
