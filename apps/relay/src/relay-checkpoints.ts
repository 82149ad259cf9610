import { Database, migrate, SqlExecutor } from '@multitrack/database';

/**
 * Where the relay is in the global log: the store's opaque checkpoint of the last event the bus
 * acknowledged. One row per relay name, so a second relay (another bus) keeps its own place.
 */
export const installRelayCheckpoints = (db: Database): Promise<void> =>
  migrate(db, 'relay', [
    {
      version: 1,
      name: 'relay checkpoints',
      sql: `CREATE TABLE relay_checkpoints (
        name text PRIMARY KEY, checkpoint text NOT NULL, position int8 NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now())`,
    },
  ]);

export interface RelayCheckpoint {
  checkpoint: string;
  position: number;
}

export const loadCheckpoint = async (db: SqlExecutor, name: string): Promise<RelayCheckpoint | undefined> => {
  const { rows } = await db.query<{ checkpoint: string; position: number }>(
    'SELECT checkpoint, position FROM relay_checkpoints WHERE name = $1',
    [name],
  );
  return rows[0] ? { checkpoint: rows[0].checkpoint, position: Number(rows[0].position) } : undefined;
};

export const saveCheckpoint = async (db: SqlExecutor, name: string, at: RelayCheckpoint): Promise<void> => {
  await db.query(
    `INSERT INTO relay_checkpoints (name, checkpoint, position, updated_at) VALUES ($1, $2, $3, now())
     ON CONFLICT (name) DO UPDATE SET checkpoint = excluded.checkpoint, position = excluded.position, updated_at = now()`,
    [name, at.checkpoint, at.position],
  );
};
