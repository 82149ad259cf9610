import { Database, Migration, migrate } from '@multitrack/database';

/**
 * The log's tables. `tlog_nodes` holds every complete subtree (level 0 = leaf hashes): they never
 * change once complete, so appends only add rows and any root or proof is a handful of reads.
 */
export const transparencyLogMigrations: Migration[] = [
  {
    version: 1,
    name: 'merkle tree',
    sql: `
      CREATE TABLE tlog_leaves (
        leaf_index int8 PRIMARY KEY,
        position int8 NOT NULL UNIQUE,
        event_hash bytea NOT NULL CHECK (octet_length(event_hash) = 32)
      );
      CREATE TABLE tlog_nodes (
        level int2 NOT NULL,
        index int8 NOT NULL,
        hash bytea NOT NULL CHECK (octet_length(hash) = 32),
        PRIMARY KEY (level, index)
      );`,
  },
  {
    version: 2,
    name: 'signed checkpoints',
    sql: `
      CREATE TABLE tlog_checkpoints (
        tree_size int8 PRIMARY KEY,
        body text NOT NULL,
        signatures jsonb NOT NULL,
        signed_at timestamptz NOT NULL DEFAULT now()
      );`,
  },
  {
    version: 3,
    name: 'generated signing key',
    sql: `
      CREATE TABLE tlog_signing_key (
        id smallint PRIMARY KEY CHECK (id = 1),
        private_key_pkcs8 text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );`,
  },
  {
    version: 4,
    name: 'signing key history',
    // Public keys only: the checkpoint sizes each key signed, so old checkpoints verify after a rotation.
    sql: `
      CREATE TABLE tlog_signing_keys (
        name text NOT NULL,
        public_key bytea NOT NULL CHECK (octet_length(public_key) = 32),
        key_id bytea NOT NULL CHECK (octet_length(key_id) = 4),
        first_tree_size int8,
        last_tree_size int8,
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (name, public_key)
      );`,
  },
];

export const migrateTransparencyLog = (db: Database): Promise<void> =>
  migrate(db, 'transparency-log', transparencyLogMigrations);
