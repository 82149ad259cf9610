import type { ApprovalAuthorityEvent } from '@multitrack/domain';
import { Topics, type EventEnvelope } from '@multitrack/messaging';
import type { ReadModel } from '../mechanism/read-model';
import { updateRow, upsertRow, type Write } from '../mechanism/row-write';
import { sql } from '../mechanism/statement';
import { minorOf } from '../money-columns';

const migrations = (s: string) => [
  {
    // issue 14a: the register of approval authorities (GET /v1/approval-authorities).
    version: 2,
    name: 'approval authorities',
    sql: `
      -- one row per officer (its normalised identity) that has an authority stream
      CREATE TABLE ${s}.officers (id text PRIMARY KEY, revision int8 NOT NULL DEFAULT -1, updated_at timestamptz);
      -- one row per officer and currency; a revocation keeps the row, marked revoked
      CREATE TABLE ${s}.limits (
        id text PRIMARY KEY, officer text, currency text, limit_minor numeric(38,0),
        valid_until text, revoked boolean NOT NULL DEFAULT false);
      CREATE INDEX ON ${s}.limits (officer);
      -- what an officer lent: currency NULL lends every currency it holds, up to its limit there
      CREATE TABLE ${s}.delegations (
        id text PRIMARY KEY, officer text, to_officer text, currency text, until text,
        limit_minor numeric(38,0), withdrawn boolean NOT NULL DEFAULT false);
      CREATE INDEX ON ${s}.delegations (officer);`,
  },
];

const keyOf = (...parts: (string | undefined)[]) => JSON.stringify(parts.map((part) => part ?? null));

const onAuthority = (event: ApprovalAuthorityEvent, e: EventEnvelope, s: string): Write[] => {
  const officer = event.data.officer;
  const touch = upsertRow('officers', ['id', officer], { revision: e.revision, updated_at: e.recordedAt });
  switch (event.type) {
    case 'ApprovalAuthorityGranted':
    case 'ApprovalAuthorityReplaced': {
      const { limit, validUntil } = event.data;
      return [
        touch,
        upsertRow('limits', ['id', keyOf(officer, limit.currency)], {
          officer,
          currency: limit.currency,
          limit_minor: minorOf(limit),
          valid_until: validUntil ?? null,
          revoked: false,
        }),
      ];
    }
    case 'ApprovalAuthorityRevoked': {
      const { currency } = event.data;
      return [
        touch,
        updateRow('limits', ['id', keyOf(officer, currency)], { revoked: true }),
        // What it lent in that currency goes with it (the domain's rule; the register shows the same).
        sql(
          `UPDATE ${s}.delegations SET withdrawn = true WHERE officer = $1 AND currency = $2`,
          officer,
          currency,
        ),
      ];
    }
    case 'ApprovalAuthorityDelegated': {
      const { to, until, limit } = event.data;
      return [
        touch,
        upsertRow('delegations', ['id', keyOf(officer, to, limit?.currency)], {
          officer,
          to_officer: to,
          currency: limit?.currency ?? null,
          until,
          limit_minor: limit ? minorOf(limit) : null,
          withdrawn: false,
        }),
      ];
    }
    default:
      return [touch];
  }
};

/** The register of who may release money, and up to how much (API.md, "Approval authority"). */
export const approvalAuthoritiesReadModel: ReadModel = {
  name: 'approval-authorities',
  schema: 'rm_approval_authorities',
  topics: [Topics.approvalAuthorities],
  migrations,
  project(e, schema) {
    if (!e.streamId.startsWith('authority-')) return [];
    return onAuthority(e as unknown as ApprovalAuthorityEvent, e, schema);
  },
};
