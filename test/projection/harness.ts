import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createTestDatabase, type Database } from '@multitrack/database';
import { openEventStore, type EventStore, type RecordedEvent } from '@multitrack/event-store';
import {
  createInProcessBus,
  createKafkaBus,
  type BusLogger,
  type ConsumedMessage,
  type MessageBus,
} from '@multitrack/messaging';
import { type ReadModel, type StoryEvent } from '@multitrack/read-models';
import { topicForStream } from '@multitrack/messaging';
import { register } from 'prom-client';
import { untilInGlobalLog } from '../support/global-log';

export type BusKind = 'kafka' | 'in-process';

export interface Stack {
  db: Database;
  /** Set on the PostgreSQL server: for child processes. */
  databaseUrl?: string;
  store: EventStore;
  bus: MessageBus;
  /** Unique per test run: topics and consumer groups of concurrent runs never meet. */
  topicPrefix: string;
  groupPrefix: string;
  close(): Promise<void>;
}

export const kafkaBrokers = (): string[] => {
  const brokers = process.env.KAFKA_BROKERS;
  if (!brokers)
    throw new Error(
      'KAFKA_BROKERS is not set: run these tests with `npm test`, whose global setup starts Kafka',
    );
  return brokers.split(',');
};

// Redeliveries are what these tests provoke: keep them out of the output.
const quiet: BusLogger = { warn: () => undefined, error: () => undefined };

export const openStack = async (
  busKind: BusKind,
  dbKind: 'postgres' | 'pglite',
  partitions = 3,
): Promise<Stack> => {
  const { db, url, drop } = await createTestDatabase(dbKind);
  const store = await openEventStore({ kind: dbKind, database: db, pollIntervalMs: 20 });
  const bus =
    busKind === 'kafka'
      ? createKafkaBus({
          brokers: kafkaBrokers(),
          clientId: 'projection-test',
          partitions,
          logger: quiet,
          redelivery: { initialDelayMs: 50, maxDelayMs: 500 },
        })
      : createInProcessBus({
          partitions,
          logger: quiet,
          redelivery: { initialDelayMs: 20, maxDelayMs: 200 },
        });
  const run = randomBytes(4).toString('hex');
  return {
    db,
    databaseUrl: url,
    store,
    bus,
    topicPrefix: `test-${run}.`,
    groupPrefix: `test-${run}.projector.`,
    async close() {
      await bus.close();
      await store.close();
      await drop();
    },
  };
};

const metadata = {
  actor: { sub: 'officer-1', roles: ['officer'] },
  correlationId: 'projection-test',
  occurredAt: '2026-12-01T00:00:00.000Z',
  schemaVersion: 1,
};

/** Given: the story appended, one event at a time, and in the global log (where the relay reads). */
export const append = async (store: EventStore, story: StoryEvent[]): Promise<void> => {
  for (const event of story) {
    await store.appendToStream(event.streamId, [{ type: event.type, data: event.data, metadata }], {
      expectedRevision: 'any',
    });
  }
  const last = story.at(-1);
  if (last) await untilInGlobalLog(store, last.streamId);
};

export const allEvents = async (store: EventStore): Promise<RecordedEvent[]> => {
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll()) events.push(event);
  return events;
};

export const waitUntil = async (
  condition: () => Promise<boolean> | boolean,
  what: string,
  timeoutMs = 60_000,
) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

/** True once the model has applied the newest event of its topics in the store. */
export const caughtUp = async (stack: Stack, model: ReadModel): Promise<boolean> => {
  const mine = (await allEvents(stack.store)).filter((event) =>
    model.topics.includes(topicForStream(event.streamId)),
  );
  const newest = mine[mine.length - 1]?.position ?? -1;
  const { rows } = await stack.db.query<{ position: number }>(
    `SELECT position FROM ${model.schema}.progress`,
  );
  return Number(rows[0]?.position ?? -1) >= newest;
};

/** Reads topics from the beginning with a fresh group until `done` says it has seen enough. */
export const drain = async (
  stack: Stack,
  topics: string[],
  done: (messages: ConsumedMessage[]) => boolean,
  what: string,
): Promise<ConsumedMessage[]> => {
  const messages: ConsumedMessage[] = [];
  const consumer = stack.bus.consumer();
  await consumer.start({
    groupId: `${stack.groupPrefix}drain-${randomBytes(3).toString('hex')}`,
    topics: topics.map((topic) => stack.topicPrefix + topic),
    fromBeginning: true,
    eachBatch: async (batch) => void messages.push(...batch.messages),
  });
  try {
    await waitUntil(() => done(messages), what);
  } finally {
    await consumer.close();
  }
  return messages;
};

export const counterTotal = async (name: string): Promise<number> => {
  const metric = register.getSingleMetric(name);
  if (!metric) return 0;
  return (await metric.get()).values.reduce((sum, value) => sum + value.value, 0);
};

/**
 * One app of the real stack as its own process (so a test can `kill -9` it) on this stack's
 * database and Kafka: from dist/ (built by the global setup), the TypeScript source as fallback.
 */
export const spawnApp = (
  app: 'relay' | 'projector',
  stack: Stack,
  settings: Record<string, string>,
): ChildProcess => {
  const root = path.resolve(__dirname, '../..');
  const built = path.join(root, `dist/apps/${app}/src/main.js`);
  const env = {
    ...process.env,
    DATABASE_URL: stack.databaseUrl,
    KAFKA_BROKERS: kafkaBrokers().join(','),
    KAFKA_PARTITIONS: '3',
    KAFKA_TOPIC_PREFIX: stack.topicPrefix,
    AUTH_JWT_SECRET: `${app}-kill-test-secret-of-at-least-32-characters`,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    ...settings,
  };
  const args = existsSync(built)
    ? [built]
    : ['-r', '@swc-node/register', path.join(root, `apps/${app}/src/main.ts`)];
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr!.on('data', (chunk) => process.stderr.write(`[${app}] ${chunk}`));
  return child;
};
