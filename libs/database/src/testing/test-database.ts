import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { Database } from '../database.port';
import { openPglite } from '../pglite.database';
import { openPostgres } from '../postgres.database';

export interface TestDatabase {
  db: Database;
  /** Set for the PostgreSQL server: the throwaway database's URL (for child processes). */
  url?: string;
  drop(): Promise<void>;
}

const adminUrl = () => process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * A fresh, empty database for one test file: a throwaway database on the local PostgreSQL server,
 * or an in-memory PGlite. Tests never share tables, so suites can run in any order.
 */
export const createTestDatabase = async (kind: 'postgres' | 'pglite'): Promise<TestDatabase> => {
  if (kind === 'pglite') {
    const db = await openPglite();
    return { db, drop: () => db.close() };
  }
  const name = `multitrack_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const db = await openPostgres({ connectionString: url.toString(), maxConnections: 60 });
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      const cleanup = new Client({ connectionString: adminUrl() });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
};
