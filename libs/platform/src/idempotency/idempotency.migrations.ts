import { Migration } from '@multitrack/database';

/**
 * One row per (caller, route, key). `claim_id` names the request that holds an in-progress
 * claim, so a request whose stale claim was taken over cannot later overwrite the new answer.
 */
export const idempotencyMigrations: Migration[] = [
  {
    version: 1,
    name: 'idempotency keys',
    sql: `
      CREATE TABLE idempotency_keys (
        principal text NOT NULL,
        route text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        status text NOT NULL CHECK (status IN ('in_progress', 'completed')),
        claim_id uuid NOT NULL,
        response_status int,
        response_headers jsonb,
        response_body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        PRIMARY KEY (principal, route, key)
      );
      CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);`,
  },
];
