import { randomBytes } from 'node:crypto';
import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Client } from 'pg';
import { Database } from '../database.port';
import { openPglite } from '../pglite.database';
import { openPgliteInWorker } from '../pglite-worker/open-pglite-in-worker';
import { openPostgres } from '../postgres.database';

export interface TestDatabase {
  db: Database;
  /** Set for the PostgreSQL server: the throwaway database's URL (for child processes). */
  url?: string;
  drop(): Promise<void>;
}

const adminUrl = () => process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * A freshly initialised PGlite data directory, made once per installed PGlite on this machine and
 * kept in the temporary directory: starting from it skips initdb (about 1.4 s of CPU for each of
 * the suite's many embedded databases). Written to a temporary name and renamed, so a test file
 * that runs at the same time never reads half of it.
 */
const pgliteTemplate = async (): Promise<Uint8Array> => {
  // Named after the installed PGlite (its package.json is not exported): a reinstall makes a new one.
  const installed = await stat(require.resolve('@electric-sql/pglite'));
  const file = join(tmpdir(), `multitrack-pglite-${installed.size}-${Math.trunc(installed.mtimeMs)}.tar`);
  try {
    return new Uint8Array(await readFile(file));
  } catch {
    const fresh = await PGlite.create();
    const dump = new Uint8Array(await (await fresh.dumpDataDir('none')).arrayBuffer());
    await fresh.close();
    const partial = `${file}.${randomBytes(4).toString('hex')}`;
    await writeFile(partial, dump);
    await rename(partial, file);
    return dump;
  }
};

/** The server, embedded PGlite in this thread, or embedded PGlite in a worker thread (the app's). */
export type TestDatabaseKind = 'postgres' | 'pglite' | 'pglite-worker';

/**
 * A fresh, empty database for one test file: a throwaway database on the local PostgreSQL server,
 * or an in-memory PGlite. Tests never share tables, so suites can run in any order.
 */
export const createTestDatabase = async (kind: TestDatabaseKind): Promise<TestDatabase> => {
  if (kind !== 'postgres') {
    const template = await pgliteTemplate();
    const db = await (kind === 'pglite'
      ? openPglite(undefined, template)
      : openPgliteInWorker(undefined, template));
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
