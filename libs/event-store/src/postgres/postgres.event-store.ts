import { Database } from '@multitrack/database';
import { EventStore, ReadAllOptions, RecordedEvent, SubscribeOptions } from '../event-store.port';
import { pollingSubscription, Wakeup } from '../polling-subscription';
import { createUpcasting, defaultUpcasters, Upcaster } from '../upcasting';
import { appendToStream, AppendHooks } from './append';
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
  /** Test seams only. */
  hooks?: AppendHooks;
}

const defaultBatchSize = 1000;

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

  return {
    async appendToStream(streamId, events, { expectedRevision }) {
      const result = await guardConnection(() =>
        appendToStream(db, streamId, events, expectedRevision, options.hooks),
      );
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
