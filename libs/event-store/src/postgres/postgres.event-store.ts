import { Database } from '@multitrack/database';
import { EventStore, ReadAllOptions, RecordedEvent, SubscribeOptions } from '../event-store.port';
import { pollingSubscription, Wakeup } from '../polling-subscription';
import { createUpcasting, defaultUpcasters, Upcaster } from '../upcasting';
import { appendToStream, AppendHooks, AppendRequest } from './append';
import { appendBatch } from './append-batch';
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

const appender = (db: Database, { groupCommit: settings, hooks }: PostgresEventStoreOptions) => {
  if (settings === false || hooks) return (request: AppendRequest) => appendToStream(db, request, hooks);
  return groupCommit(
    // A batch of one needs no savepoint: the plain append is cheaper.
    async (requests: AppendRequest[]) =>
      requests.length === 1 ? Promise.allSettled([appendToStream(db, requests[0])]) : appendBatch(db, requests),
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
  const append = appender(db, options);

  return {
    async appendToStream(streamId, events, { expectedRevision }) {
      const result = await guardConnection(() => append({ streamId, events, expectedRevision }));
      wakeup.notify();
      return result;
    },
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
      return pagedLog((after, limit) => guardConnection(() => readHashedLogPage(db, after, limit)), from, batchSize);
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
