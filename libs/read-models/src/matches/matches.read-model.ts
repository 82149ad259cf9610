import type {
  ExpenditureReported,
  ExpenditureReportReviewed,
  MatchEvent,
  RequestEvent,
  WireMoney,
} from '@multitrack/domain';
import { type EventEnvelope, Topics } from '@multitrack/messaging';
import { parseStreamId } from '@multitrack/domain';
import type { ReadModel } from '../mechanism/read-model';
import { add, defined, insertRow, touchRow, updateRow, type Write } from '../mechanism/row-write';
import { minorOf } from '../money-columns';

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
  {
    // One name per concept, from the domain's events to the table (issue 11).
    version: 3,
    name: 'tranches are disbursements',
    sql: `ALTER TABLE ${s}.tranches RENAME TO disbursements;`,
  },
  {
    // Work queues (issue 13): GET /v1/matches pages in made order under each filter, GET
    // /v1/approvals reads only the waiting tranches. `requested_at` is not in older rows: a
    // rebuild (npm run projections:rebuild -- --projection matches) fills it (decision 0183).
    version: 4,
    name: 'work queues: matches by filter, tranches waiting for approval',
    sql: `
      ALTER TABLE ${s}.disbursements ADD COLUMN requested_at timestamptz;
      CREATE INDEX ON ${s}.matches (made_position);
      CREATE INDEX ON ${s}.matches (organization_id, made_position);
      CREATE INDEX ON ${s}.matches (request_id, made_position);
      CREATE INDEX ON ${s}.matches (status, made_position);
      CREATE INDEX ON ${s}.disbursements (requested_position) WHERE status = 'pending_approval';`,
  },
  {
    version: 5,
    name: 'the kind of the matched offer',
    sql: `ALTER TABLE ${s}.matches ADD COLUMN kind text NOT NULL DEFAULT 'funding';`,
  },
  {
    // Issue 14b (budget lines, reviewed reports). Older rows get their reports, budget and
    // accepted totals from a rebuild (npm run projections:rebuild -- --projection matches).
    version: 6,
    name: 'budget lines and reviewed expenditure reports',
    sql: `
      ALTER TABLE ${s}.matches ADD COLUMN ${money('accepted')},
        ADD COLUMN budget jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN report_between_tranches boolean NOT NULL DEFAULT false;
      CREATE TABLE ${s}.expenditure_reports (
        id text PRIMARY KEY, match_id text NOT NULL, amount_minor numeric(38,0) NOT NULL, currency text NOT NULL,
        status text NOT NULL, lines jsonb, submitted_position int8 NOT NULL);
      CREATE INDEX ON ${s}.expenditure_reports (match_id, submitted_position);`,
  },
];

/** Lines as JSON text with amounts in minor units (the row's currency is the match's). */
const linesJson = (lines: { code: string; description?: string; amount: WireMoney }[]) =>
  JSON.stringify(lines.map(({ amount, ...line }) => ({ ...line, amount: minorOf(amount) })));

const onReport = (event: ExpenditureReported | ExpenditureReportReviewed, e: EventEnvelope): Write[] => {
  const id = parseStreamId(e.streamId)!.id;
  const touch = touchRow('matches', id, e);
  const d = event.data;
  if (event.type === 'ExpenditureReportReviewed') {
    const accepted = event.data.decision === 'accepted';
    return [
      updateRow('expenditure_reports', ['id', d.reportId], { status: event.data.decision }),
      touch({ accepted_minor: add(accepted ? minorOf(d.amount) : 0) }),
    ];
  }
  const { replaces, replacedAmount, lines } = event.data;
  // The store's upcaster names old reports by their event id (decision 0215); so does this, for
  // events that reach the projection without passing a store (fixtures).
  const reportId = d.reportId ?? e.eventId;
  return [
    insertRow('expenditure_reports', ['id', reportId], {
      match_id: id,
      amount_minor: minorOf(d.amount),
      currency: d.amount.currency,
      status: 'submitted',
      lines: lines ? linesJson(lines) : null,
      submitted_position: e.position,
    }),
    ...(replaces ? [updateRow('expenditure_reports', ['id', replaces], { status: 'replaced' })] : []),
    touch({
      expenditure_minor: add(
        BigInt(minorOf(d.amount)) - BigInt(replacedAmount ? minorOf(replacedAmount) : 0),
      ),
    }),
  ];
};

const onMatch = (event: MatchEvent, e: EventEnvelope): Write[] => {
  const id = parseStreamId(e.streamId)!.id;
  const touch = touchRow('matches', id, e);
  const disbursement = (disbursementId: string, changes: Record<string, unknown>) =>
    updateRow('disbursements', ['id', disbursementId], changes);
  switch (event.type) {
    case 'MatchMade': {
      const d = event.data;
      return [
        insertRow('matches', ['id', id], {
          request_id: d.requestId,
          offer_id: d.offerId,
          organization_id: d.organizationId,
          currency: d.currency,
          kind: d.kind ?? 'funding',
          report_between_tranches: d.reportBetweenTranches === true,
          status: 'active',
          revision: e.revision,
          made_position: e.position,
          made_at: e.recordedAt,
          updated_at: e.recordedAt,
        }),
      ];
    }
    case 'FundsCommitted':
      return [touch({ committed_minor: add(minorOf(event.data.amount)) })];
    case 'FundsDecommitted':
      return [touch({ committed_minor: add(-BigInt(minorOf(event.data.amount))) })];
    case 'DisbursementRequested': {
      const d = event.data;
      return [
        insertRow('disbursements', ['id', d.disbursementId], {
          match_id: id,
          amount_minor: minorOf(d.amount),
          currency: d.amount.currency,
          reference: d.reference,
          status: d.requiresApproval ? 'pending_approval' : 'requested',
          requested_by: d.requestedBy,
          requested_at: d.requestedAt,
          requested_position: e.position,
        }),
        touch({ pending_minor: add(d.requiresApproval ? minorOf(d.amount) : 0) }),
      ];
    }
    case 'DisbursementApproved':
      return [disbursement(event.data.disbursementId, { approved_by: event.data.approvedBy }), touch()];
    case 'FundsDisbursed': {
      const d = event.data;
      return [
        // `approvedBy` is there exactly when the tranche waited for a second officer: it leaves "pending".
        touch({
          disbursed_minor: add(minorOf(d.amount)),
          pending_minor: add(d.approvedBy ? -BigInt(minorOf(d.amount)) : 0),
        }),
        disbursement(
          d.disbursementId,
          defined({ status: 'disbursed', approved_by: d.approvedBy, disbursed_at: e.recordedAt }),
        ),
      ];
    }
    case 'DisbursementReceiptConfirmed': {
      const d = event.data;
      const differs = d.discrepancy !== undefined;
      return [
        disbursement(d.disbursementId, {
          receipt_minor: minorOf(d.amount),
          received_on: d.receivedOn,
          expected_minor: differs ? minorOf(d.discrepancy!.expected) : null,
        }),
        touch({
          confirmed_minor: add(minorOf(d.amount)),
          discrepancy_count: add(differs ? 1 : 0),
          discrepancy_minor: add(
            differs ? BigInt(minorOf(d.discrepancy!.expected)) - BigInt(minorOf(d.discrepancy!.received)) : 0,
          ),
        }),
      ];
    }
    case 'DisbursementReversed':
      return [
        disbursement(event.data.disbursementId, { status: 'reversed' }),
        touch({ disbursed_minor: add(-BigInt(minorOf(event.data.amount))) }),
      ];
    case 'ExpenditureReported':
    case 'ExpenditureReportReviewed':
      return onReport(event, e);
    case 'BudgetSet':
      return [touch({ budget: linesJson(event.data.lines) })];
    case 'MatchCompleted':
      return [touch({ status: 'completed' })];
    case 'MatchCancelled':
      return [touch({ status: 'cancelled' })];
    default:
      return [touch()];
  }
};

const onRequest = (event: RequestEvent): Write[] =>
  event.type === 'HelpRequestPublished'
    ? [
        insertRow('match_requests', ['request_id', event.data.requestId], {
          tracks: event.data.tracks,
          country: event.data.country,
        }),
      ]
    : [];

/** Matches with their money totals and tranches; the funding ledger is a grouping of these rows. */
export const matchesReadModel: ReadModel = {
  name: 'matches',
  schema: 'rm_matches',
  topics: [Topics.matches, Topics.requests],
  migrations,
  entity: { table: 'matches', idColumn: 'id' },
  project(e) {
    if (e.streamId.startsWith('match-')) return onMatch(e as unknown as MatchEvent, e);
    if (e.streamId.startsWith('request-')) return onRequest(e as unknown as RequestEvent);
    return [];
  },
};
