import { setImmediate as nextTurn } from 'node:timers/promises';
import { PGlite } from '@electric-sql/pglite';
import { Database, SqlExecutor } from './database.port';
import { PgliteDataDirDump, pgliteOptions, pgliteStatements } from './pglite-statements';

/**
 * PGlite runs in this thread and its results arrive in microtasks only, and Node drains every
 * microtask before it accepts a connection or reads a socket. Without a turn of the event loop
 * after each statement, a backlog of projection work made each accept wait a whole drain: fifty
 * connections opened at once got their first answers over five seconds.
 */
const yieldingAfterEachStatement = (statements: SqlExecutor): SqlExecutor => ({
  async query<Row>(sql: string, params?: unknown[]) {
    const result = await statements.query<Row>(sql, params);
    await nextTurn();
    return result;
  },
  async exec(sql) {
    await statements.exec(sql);
    await nextTurn();
  },
});

/**
 * Embedded PostgreSQL in this thread (tests, tools; the embedded app runs it in a worker thread:
 * `openPgliteInWorker`). `dataDir` undefined means in memory; `startFrom` a dump of a data
 * directory to start from instead of running initdb. PGlite has one connection: its own mutex
 * serialises transactions, so a transaction here is exclusive.
 */
export const openPglite = async (dataDir?: string, startFrom?: PgliteDataDirDump): Promise<Database> => {
  const db = await PGlite.create(pgliteOptions(dataDir, startFrom));
  return {
    kind: 'pglite',
    ...yieldingAfterEachStatement(pgliteStatements(db)),
    transaction: <T>(work: (tx: SqlExecutor) => Promise<T>) =>
      db.transaction((tx) => work(yieldingAfterEachStatement(pgliteStatements(tx)))),
    close: () => db.close(),
  };
};
