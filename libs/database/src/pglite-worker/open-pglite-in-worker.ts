import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { proxy, releaseProxy, Remote, wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/umd/node-adapter';
import { Database, QueryResult, SqlExecutor } from '../database.port';
import { PgliteDataDirDump } from '../pglite-statements';
import type { PgliteThread } from './pglite.worker';

/**
 * The worker's entry beside this file: compiled JavaScript in dist/, TypeScript under Jest and the
 * `-r @swc-node/register` scripts (a worker does not inherit a require hook, so it loads one).
 */
const startThread = (): Worker => {
  const entry = join(__dirname, `pglite.worker${extname(__filename)}`);
  if (extname(entry) === '.js') return new Worker(entry);
  return new Worker(`require('@swc-node/register'); require(${JSON.stringify(entry)});`, { eval: true });
};

const statementsOf = (remote: Remote<SqlExecutor>): SqlExecutor => ({
  query: async <Row>(sql: string, params?: unknown[]) =>
    (await remote.query(sql, params)) as QueryResult<Row>,
  exec: (sql) => remote.exec(sql),
});

/**
 * Embedded PostgreSQL in a worker thread of its own: PGlite's WebAssembly (half the CPU of the
 * embedded app under load) runs beside the thread that reads sockets, answers HTTP and runs the
 * relay and projectors, instead of delaying all of them. Statements and their results cross as
 * messages, so the application thread never waits for a drain of PGlite's microtasks either.
 */
export const openPgliteInWorker = async (
  dataDir?: string,
  startFrom?: PgliteDataDirDump,
): Promise<Database> => {
  const worker = startThread();
  const thread = wrap<PgliteThread>(nodeEndpoint(worker));
  let closed = false;
  // A thread that stops (a WebAssembly abort, out of memory, or close) fails every statement
  // still waiting on it instead of leaving it pending for ever; after close, new ones fail at once.
  const stopped = new Promise<never>((_, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) =>
      reject(
        new Error(
          closed
            ? 'the embedded database is closed'
            : `the embedded database's thread stopped (exit code ${code})`,
        ),
      ),
    );
  });
  stopped.catch(() => undefined);
  const untilDied = <T>(work: () => Promise<T>): Promise<T> =>
    closed ? Promise.reject(new Error('the embedded database is closed')) : Promise.race([work(), stopped]);

  await untilDied(() => thread.open(dataDir, startFrom));
  const statements = statementsOf(thread);
  return {
    kind: 'pglite',
    query: <Row>(sql: string, params?: unknown[]) => untilDied(() => statements.query<Row>(sql, params)),
    exec: (sql) => untilDied(() => statements.exec(sql)),
    async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
      // `work`'s answer and error stay in this thread: only the fact that it failed crosses, to roll back.
      let outcome: { value: T } | { error: unknown } | undefined;
      const inTransaction = async (tx: Remote<SqlExecutor>) => {
        try {
          outcome = { value: await work(statementsOf(tx)) };
        } catch (error) {
          outcome = { error };
          throw new Error('rolled back');
        } finally {
          tx[releaseProxy]();
        }
      };
      await untilDied(() => thread.transaction(proxy(inTransaction) as never)).catch((error: unknown) => {
        if (!outcome || !('error' in outcome)) throw error;
      });
      if (!outcome) throw new Error('the embedded database ended a transaction without running it');
      if ('error' in outcome) throw outcome.error;
      return outcome.value;
    },
    async close() {
      if (closed) return;
      await Promise.race([thread.close(), stopped]).catch(() => undefined);
      closed = true;
      thread[releaseProxy]();
      await worker.terminate();
    },
  };
};
