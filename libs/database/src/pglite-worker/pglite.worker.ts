import { parentPort } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { expose, proxy, releaseProxy, Remote } from 'comlink';
import nodeEndpoint from 'comlink/dist/umd/node-adapter';
import { SqlExecutor } from '../database.port';
import { PgliteDataDirDump, pgliteOptions, pgliteStatements } from '../pglite-statements';
import { keepErrorFieldsAcrossThreads } from './errors-across-threads';

/** What the database thread offers the application thread (see open-pglite-in-worker.ts). */
export interface PgliteThread extends SqlExecutor {
  open(dataDir: string | undefined, startFrom: PgliteDataDirDump | undefined): Promise<void>;
  /** Runs `work` in one transaction; it rolls back when `work` rejects. */
  transaction(work: Remote<(tx: SqlExecutor) => Promise<void>>): Promise<void>;
  close(): Promise<void>;
}

keepErrorFieldsAcrossThreads();

let db: PGlite | undefined;
const opened = (): PGlite => {
  if (!db) throw new Error('the embedded database is not open');
  return db;
};

const thread: PgliteThread = {
  async open(dataDir, startFrom) {
    db = await PGlite.create(pgliteOptions(dataDir, startFrom));
  },
  query: (sql, params) => pgliteStatements(opened()).query(sql, params),
  exec: (sql) => pgliteStatements(opened()).exec(sql),
  async transaction(work) {
    try {
      await opened().transaction((tx) => work(proxy(pgliteStatements(tx))));
    } finally {
      work[releaseProxy]();
    }
  },
  close: async () => {
    await db?.close();
  },
};

expose(thread, nodeEndpoint(parentPort!));
