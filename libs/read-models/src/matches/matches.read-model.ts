import type { MatchEvent, RequestEvent } from '@multitrack/domain';
import { entityIdOf, type EventEnvelope } from '../envelope';
import { sql, touchRow, type ReadModel, type Statement } from '../mechanism/read-model';
import { minorOf } from '../money-columns';
import { Topics } from '../topics';

const money = (name: string) => `${name}_minor numeric(38,0) NOT NULL DEFAULT 0`;

const migrations = (s: string) => [
  {
    version: 2,
    name: 'matches, tranches and the funding ledger',
    sql: `
      CREATE TABLE ${s}.matches (
        id text PRIMARY KEY, request_id text NOT NULL, offer_id text NOT NULL, organization_id text NOT NULL,
        currency text NOT NULL, status text NOT NULL, ${money('committed')}, ${money('disbursed')}, ${money('pending')},
        ${money('confirmed')}, ${money('expenditure')}, discrepancy_count int NOT NULL DEFAULT 0,
        -- sum of (expected - received) over the tranches whose receipt differed
        ${money('discrepancy')}, revision int8 NOT NULL, made_position int8 NOT NULL,
        made_at timestamptz NOT NULL, updated_at timestamptz NOT NULL);
      CREATE INDEX ON ${s}.matches (organization_id);
      CREATE INDEX ON ${s}.matches (request_id);
      CREATE TABLE ${s}.tranches (
        id text PRIMARY KEY, match_id text NOT NULL, amount_minor numeric(38,0) NOT NULL, currency text NOT NULL,
        reference text NOT NULL, status text NOT NULL, requested_by text NOT NULL, approved_by text,
        receipt_minor numeric(38,0), received_on text, expected_minor numeric(38,0),
        requested_position int8 NOT NULL, disbursed_at timestamptz);
      CREATE INDEX ON ${s}.tranches (match_id, requested_position);
      -- the request's tracks and country, for the ledger by track and country; kept apart because
      -- requests and matches arrive on different topics, in no particular order between them
      CREATE TABLE ${s}.match_requests (request_id text PRIMARY KEY, tracks int[] NOT NULL, country text NOT NULL);`,
  },
];

const onMatch = (s: string, event: MatchEvent, e: EventEnvelope): Statement[] => {
  const id = entityIdOf(e.streamId);
  const touch = touchRow(s, 'matches', id, e);
  const tranche = (set: string, disbursementId: string, ...params: unknown[]) =>
    sql(`UPDATE ${s}.tranches SET ${set} WHERE id = $1`, disbursementId, ...params);
  switch (event.type) {
    case 'MatchMade': {
      const d = event.data;
      return [
        sql(
          `INSERT INTO ${s}.matches (id, request_id, offer_id, organization_id, currency, status, revision, made_position, made_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, 'active', $6, $7, $8, $8)`,
          id, d.requestId, d.offerId, d.organizationId, d.currency, e.revision, e.position, e.recordedAt,
        ),
      ];
    }
    case 'FundsCommitted':
      return [touch('committed_minor = committed_minor + $4', minorOf(event.data.amount))];
    case 'DisbursementRequested': {
      const d = event.data;
      const pending = d.requiresApproval ? minorOf(d.amount) : '0';
      return [
        sql(
          `INSERT INTO ${s}.tranches (id, match_id, amount_minor, currency, reference, status, requested_by, requested_position)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          d.disbursementId, id, minorOf(d.amount), d.amount.currency, d.reference,
          d.requiresApproval ? 'pending_approval' : 'requested', d.requestedBy, e.position,
        ),
        touch('pending_minor = pending_minor + $4', pending),
      ];
    }
    case 'DisbursementApproved':
      return [tranche('approved_by = $2', event.data.disbursementId, event.data.approvedBy), touch('')];
    case 'FundsDisbursed': {
      const d = event.data;
      return [
        // before the tranche changes: a tranche that waited for approval leaves "pending"
        touch(
          `disbursed_minor = disbursed_minor + $4, pending_minor = pending_minor -
             (SELECT CASE WHEN status = 'pending_approval' THEN amount_minor ELSE 0 END FROM ${s}.tranches WHERE id = $5)`,
          minorOf(d.amount), d.disbursementId,
        ),
        tranche(`status = 'disbursed', approved_by = COALESCE($2, approved_by), disbursed_at = $3`, d.disbursementId, d.approvedBy ?? null, e.recordedAt),
      ];
    }
    case 'DisbursementReceiptConfirmed': {
      const d = event.data;
      const differs = d.discrepancy !== undefined;
      return [
        tranche('receipt_minor = $2, received_on = $3, expected_minor = $4', d.disbursementId, minorOf(d.amount), d.receivedOn,
          differs ? minorOf(d.discrepancy!.expected) : null),
        touch(
          `confirmed_minor = confirmed_minor + $4, discrepancy_count = discrepancy_count + $5,
           discrepancy_minor = discrepancy_minor + $6`,
          minorOf(d.amount), differs ? 1 : 0,
          differs ? (BigInt(minorOf(d.discrepancy!.expected)) - BigInt(minorOf(d.discrepancy!.received))).toString() : '0',
        ),
      ];
    }
    case 'DisbursementReversed':
      return [
        tranche(`status = 'reversed'`, event.data.disbursementId),
        touch('disbursed_minor = disbursed_minor - $4', minorOf(event.data.amount)),
      ];
    case 'ExpenditureReported':
      return [touch('expenditure_minor = expenditure_minor + $4', minorOf(event.data.amount))];
    case 'MatchCompleted':
      return [touch(`status = 'completed'`)];
    case 'MatchCancelled':
      return [touch(`status = 'cancelled'`)];
    default:
      return [touch('')];
  }
};

const onRequest = (s: string, event: RequestEvent): Statement[] =>
  event.type === 'HelpRequestPublished'
    ? [sql(`INSERT INTO ${s}.match_requests (request_id, tracks, country) VALUES ($1, $2, $3)`, event.data.requestId, event.data.tracks, event.data.country)]
    : [];

/** Matches with their money totals and tranches; the funding ledger is a grouping of these rows. */
export const matchesReadModel: ReadModel = {
  name: 'matches',
  schema: 'rm_matches',
  topics: [Topics.matches, Topics.requests],
  migrations,
  entity: { table: 'matches', idColumn: 'id' },
  project(e, s) {
    if (e.streamId.startsWith('match-')) return onMatch(s, e as unknown as MatchEvent, e);
    if (e.streamId.startsWith('request-')) return onRequest(s, e as unknown as RequestEvent);
    return [];
  },
};
