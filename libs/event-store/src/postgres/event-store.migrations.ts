import { Database, migrate, Migration } from '@multitrack/database';
import { commitBatchFunction } from './commit-batch.function.sql';
import { appendFunction } from './append.function.sql';

/**
 * One table for every stream. `transaction_id` is what makes the global log gap-free: see
 * docs/decisions/0020-gap-free-global-log.md.
 */
const migrations: Migration[] = [
  {
    version: 1,
    name: 'events',
    sql: `
      CREATE TABLE events (
        global_position bigserial PRIMARY KEY,
        transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
        event_id        uuid        NOT NULL UNIQUE,
        stream_id       text        NOT NULL,
        stream_version  int8        NOT NULL,
        type            text        NOT NULL,
        data            jsonb       NOT NULL,
        metadata        jsonb       NOT NULL,
        recorded_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
        hash            text        NOT NULL,
        prev_hash       text,
        UNIQUE (stream_id, stream_version)
      );
      CREATE INDEX events_transaction_position ON events (transaction_id, global_position);
    `,
  },
  {
    version: 2,
    name: 'append function',
    sql: appendFunction,
  },
  {
    // The exact text each hash covers; NULL for events appended before. See decision 0130.
    version: 3,
    name: 'canonical text',
    sql: `
      ALTER TABLE events ADD COLUMN canonical_data text, ADD COLUMN canonical_metadata text;
      ${appendFunction}
    `,
  },
  {
    // Installed `event_store_append_batch` (group commit of single-stream appends, decision 0024);
    // superseded by migration 5, so a new database skips it.
    version: 4,
    name: 'append batch function',
    sql: 'SELECT 1',
  },
  {
    // Group commit of atomic multi-stream commits (decision 0025).
    version: 5,
    name: 'commit batch function',
    sql: `DROP FUNCTION IF EXISTS event_store_append_batch(jsonb); ${commitBatchFunction}`,
  },
];

export const migrateEventStore = (db: Database): Promise<void> => migrate(db, 'event-store', migrations);
