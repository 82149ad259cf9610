import { Migration } from '@multitrack/database';

/**
 * Keys live in their own tables, never in the event log: erasure deletes a row here and leaves
 * every event (and so every hash) untouched. `personal_data_erasures` remembers that a subject
 * was erased, so no new key is ever made for it and `isErased` can answer after the key is gone.
 */
export const personalDataMigrations: Migration[] = [
  {
    version: 1,
    name: 'personal data keys and erasures',
    sql: `
      CREATE TABLE personal_data_keys (
        subject_id text PRIMARY KEY,
        wrapped_key bytea NOT NULL,
        master_key_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX personal_data_keys_master_key_id ON personal_data_keys (master_key_id);
      CREATE TABLE personal_data_erasures (
        subject_id text PRIMARY KEY,
        erased_at timestamptz NOT NULL DEFAULT now()
      );`,
  },
];
