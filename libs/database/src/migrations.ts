import { Database } from './database.port';

export interface Migration {
  /** Ascending, never reused: `1`, `2`, … */
  version: number;
  name: string;
  sql: string;
}

/**
 * Applies a module's numbered migrations once each, in order, under an advisory lock so that
 * several processes starting together do not race.
 */
export const migrate = async (db: Database, module: string, migrations: Migration[]): Promise<void> => {
  await db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('multitrack.migrations'))`);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      module text NOT NULL, version int NOT NULL, name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (module, version))`);
    const applied = await tx.query<{ version: number }>(
      'SELECT version FROM schema_migrations WHERE module = $1',
      [module],
    );
    const done = new Set(applied.rows.map((row) => Number(row.version)));
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (module, version, name) VALUES ($1, $2, $3)', [
        module,
        migration.version,
        migration.name,
      ]);
    }
  });
};
