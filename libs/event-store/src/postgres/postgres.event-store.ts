import { Database } from '@multitrack/database';
import { EventStore, ReadAllOptions, RecordedEvent, SubscribeOptions } from '../event-store.port';
import { pollingSubscription, Wakeup } from '../polling-subscription';
import { createUpcasting, defaultUpcasters, Upcaster } from '../upcasting';
import { checkCommit } from '../append-plan';
import { AppendHooks, appendToStream } from './append';
import { Commit, commitBatch } from './commit-batch';
import { groupCommit, GroupCommitOptions } from './group-commit';
import { readHashedLogPage } from './hashed-log-page';
import { pagedLog } from './paged-log';
import { readLogPage, readStreamRows } from './read';
import { guardConnection } from './unavailable';

export interface PostgresEventStoreOptions {
  upcasters?: readonly Upcaster[];
  /** How often an idle subscriber looks for appends made by other processes. Default 100 ms. */
  pollIntervalMs?: number;
  /** Close the database with the store (when the store opened it). */
  ownsDatabase?: boolean;
  /**
   * Concurrent appends share one transaction (decision 0024). Defaults: batches of up to 50; 4
   * batches in flight on a server, 1 on PGlite (one connection: a second batch would only queue).
   * `false`: every append its own transaction.
   */
  groupCommit?: Partial<GroupCommitOptions> | false;
  /** Test seams only (they turn group commit off). */
  hooks?: AppendHooks;
}

const defaultBatchSize = 1000;

/** A lone single-stream commit needs no savepoint: the plain append is cheaper. */
const commitAlone = async (db: Database, commit: Commit, { beforeCommit }: AppendHooks = {}) => {
  if (commit.length === 1) return [await appendToStream(db, commit[0], { beforeCommit })];
  checkCommit(commit);
  const [settled] = beforeCommit
    ? await db.transaction(async (tx) => {
        const outcome = await commitBatch(tx, [commit]);
        await beforeCommit();
        return outcome;
      })
    : await commitBatch(db, [commit]);
  if (settled.status === 'rejected') throw settled.reason;
  return settled.value;
};

const committer = (db: Database, { groupCommit: settings, hooks }: PostgresEventStoreOptions) => {
  if (settings === false || hooks) return (commit: Commit) => commitAlone(db, commit, hooks);
  return groupCommit(
    async (commits: Commit[]) =>
      commits.length === 1 ? Promise.allSettled([commitAlone(db, commits[0])]) : commitBatch(db, commits),
    { maxBatch: 50, maxInFlight: db.kind === 'pglite' ? 1 : 4, ...settings },
  );
};

/**
 * The event store on PostgreSQL: the same SQL for a server (`pg`) and embedded PGlite. The schema
 * must exist (`migrateEventStore`); `openEventStore` does both.
 */
export const createPostgresEventStore = (
  db: Database,
  options: PostgresEventStoreOptions = {},
): EventStore => {
  const upcast = createUpcasting(options.upcasters ?? defaultUpcasters);
  const shape = (asStored: boolean | undefined) => (event: RecordedEvent) =>
    asStored ? event : upcast(event);
  const wakeup = new Wakeup();
  const pollIntervalMs = options.pollIntervalMs ?? 100;
  const commit = committer(db, options);
  const write = async (appends: Commit) => {
    const results = await guardConnection(() => commit(appends));
    wakeup.notify();
    return results;
  };

  return {
    async appendToStream(streamId, events, { expectedRevision }) {
      const [result] = await write([{ streamId, events, expectedRevision }]);
      return result;
    },
    appendToStreams: write,
    async readStream(streamId, readOptions = {}) {
      const events = await guardConnection(() => readStreamRows(db, streamId, readOptions));
      return events.map(shape(readOptions.asStored));
    },
    async *readAll({ from, batchSize = defaultBatchSize, asStored }: ReadAllOptions = {}) {
      const toShape = shape(asStored);
      const readPage = async (after: string | undefined, limit: number) =>
        (await guardConnection(() => readLogPage(db, after, limit))).map(toShape);
      yield* pagedLog(readPage, from, batchSize);
    },
    readAllHashed({ from, batchSize = defaultBatchSize } = {}) {
      return pagedLog(
        (after, limit) => guardConnection(() => readHashedLogPage(db, after, limit)),
        from,
        batchSize,
      );
    },
    subscribeToAll(subscribeOptions: SubscribeOptions) {
      const toShape = shape(subscribeOptions.asStored);
      const readPage = async (from: string | undefined, limit: number) =>
        (await guardConnection(() => readLogPage(db, from, limit))).map(toShape);
      return pollingSubscription(readPage, subscribeOptions, wakeup, {
        pollIntervalMs,
        batchSize: defaultBatchSize,
      });
    },
    async ping() {
      await guardConnection(() => db.query('SELECT 1'));
    },
    async close() {
      wakeup.notify();
      if (options.ownsDatabase) await db.close();
    },
  };
};
