import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  excludeSystemEvents,
  FORWARDS,
  Position,
  START,
} from '@eventstore/db-client';
import { asError } from '../polling-subscription';
import {
  EventStore,
  ReadAllOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { createUpcasting, defaultUpcasters, Upcaster } from '../upcasting';
import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { appendToEsdb, readEvents } from './esdb-append';
import { appendToEsdbStreams, kurrentConnectionString } from './esdb-multi-append';
import { decodeCheckpoint, fromEsdb, isAtOrBefore, isSystemEvent } from './esdb-events';
import { guardEsdb } from './unavailable';

export interface EventStoreDbOptions {
  upcasters?: readonly Upcaster[];
}

const defaultBatchSize = 1000;
const maxBackoffMs = 5_000;

/** The event store on EventStoreDB (production). Streams, revisions and `$all` map one to one. */
export const openEventStoreDb = async (
  connectionString: string,
  options: EventStoreDbOptions = {},
): Promise<EventStore> => {
  const client = EventStoreDBClient.connectionString(connectionString);
  // Only KurrentDB's client speaks the multi-stream append session; opened on first use.
  let multiStream: KurrentDBClient | undefined;
  const writer = () =>
    (multiStream ??= KurrentDBClient.connectionString(kurrentConnectionString(connectionString)));
  const upcast = createUpcasting(options.upcasters ?? defaultUpcasters);
  const shape = (asStored: boolean | undefined) => (event: RecordedEvent) =>
    asStored ? event : upcast(event);

  /** One page of `$all` after `from` (EventStoreDB reads from a position inclusively). */
  const readAllPage = async (from: Position | undefined, batchSize: number) => {
    const page: RecordedEvent[] = [];
    let raw = 0;
    let last = from;
    for await (const resolved of client.readAll({
      fromPosition: from ?? START,
      maxCount: batchSize,
      direction: FORWARDS,
    })) {
      raw++;
      const event = resolved.event;
      if (!event) continue;
      last = event.position;
      if (isSystemEvent(event) || (from && isAtOrBefore(event.position, from))) continue;
      page.push(fromEsdb(event));
    }
    return { page, last, exhausted: raw < batchSize };
  };

  const subscribe = ({ from, onEvent, onError, asStored }: SubscribeOptions): Subscription => {
    let stopped = false;
    let checkpoint = from ? decodeCheckpoint(from) : undefined;
    let current: ReturnType<EventStoreDBClient['subscribeToAll']> | undefined;
    const toShape = shape(asStored);
    const run = async () => {
      let backoffMs = 100;
      while (!stopped) {
        try {
          current = client.subscribeToAll({
            fromPosition: checkpoint ?? START,
            filter: excludeSystemEvents(),
          });
          for await (const resolved of current) {
            const event = resolved.event;
            if (stopped) break;
            if (!event || isSystemEvent(event) || (checkpoint && isAtOrBefore(event.position, checkpoint)))
              continue;
            await onEvent(toShape(fromEsdb(event)));
            checkpoint = event.position;
            backoffMs = 100;
          }
        } catch (error) {
          if (stopped) break;
          onError?.(asError(error));
          await current?.unsubscribe().catch(() => undefined);
          await new Promise((resolve) => setTimeout(resolve, backoffMs));
          backoffMs = Math.min(backoffMs * 2, maxBackoffMs);
        }
      }
    };
    const running = run();
    return {
      async stop() {
        stopped = true;
        await current?.unsubscribe().catch(() => undefined);
        await running;
      },
    };
  };

  return {
    appendToStream: (streamId, events, { expectedRevision }) =>
      guardEsdb(() => appendToEsdb(client, streamId, events, expectedRevision)),
    appendToStreams: (appends) =>
      guardEsdb(async () => {
        if (appends.length !== 1) return appendToEsdbStreams(client, writer, appends);
        const [{ streamId, events, expectedRevision }] = appends;
        return [await appendToEsdb(client, streamId, events, expectedRevision)];
      }),
    async readStream(streamId, { direction = 'forwards', fromRevision, maxCount, asStored } = {}) {
      const events = await guardEsdb(() =>
        readEvents(client, streamId, {
          direction: direction === 'forwards' ? FORWARDS : BACKWARDS,
          fromRevision:
            fromRevision === undefined ? (direction === 'forwards' ? START : END) : BigInt(fromRevision),
          maxCount: maxCount ?? Number.MAX_SAFE_INTEGER,
        }),
      );
      return events.map(shape(asStored));
    },
    async *readAll({ from, batchSize = defaultBatchSize, asStored }: ReadAllOptions = {}) {
      let position = from ? decodeCheckpoint(from) : undefined;
      for (;;) {
        const { page, last, exhausted } = await guardEsdb(() => readAllPage(position, batchSize));
        yield* page.map(shape(asStored));
        if (exhausted) return;
        // Continue after the last event read, system events included, so a page of those moves on.
        position = last;
      }
    },
    subscribeToAll: subscribe,
    async ping() {
      await guardEsdb(async () => {
        for await (const _ of client.readAll({ maxCount: 1, direction: BACKWARDS, fromPosition: END })) break;
      });
    },
    async close() {
      await Promise.all([client.dispose(), multiStream?.dispose()]);
    },
  };
};
