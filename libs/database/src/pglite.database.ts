import { setImmediate as nextTurn } from 'node:timers/promises';
import { PGlite, Transaction, types } from '@electric-sql/pglite';
import { Database, QueryResult, SqlExecutor } from './database.port';

const parsers = { [types.INT8]: (value: string) => Number(value) };

/**
 * PGlite runs in this thread and its results arrive in microtasks only, and Node drains every
 * microtask before it accepts a connection or reads a socket. Without a turn of the event loop
 * after each statement, a backlog of projection work made each accept wait a whole drain: fifty
 * connections opened at once got their first answers over five seconds.
 */
const executor = (client: PGlite | Transaction): SqlExecutor => ({
  async query<Row>(sql: string, params?: unknown[]): Promise<QueryResult<Row>> {
    const result = await client.query<Row>(sql, params, { parsers });
    await nextTurn();
    // PGlite reports affectedRows 0 for SELECT; pg reports the rows returned.
    return { rows: result.rows, rowCount: Math.max(result.affectedRows ?? 0, result.rows.length) };
  },
  async exec(sql: string): Promise<void> {
    await client.exec(sql);
    await nextTurn();
  },
});

/**
 * Embedded PostgreSQL. `dataDir` undefined means in memory (tests). PGlite has one connection:
 * its own mutex serialises transactions, so a transaction here is exclusive.
 */
export const openPglite = async (dataDir?: string): Promise<Database> => {
  const db = await PGlite.create(dataDir ? { dataDir } : {});
  return {
    kind: 'pglite',
    ...executor(db),
    transaction: <T>(work: (tx: SqlExecutor) => Promise<T>) => db.transaction((tx) => work(executor(tx))),
    close: () => db.close(),
  };
};
