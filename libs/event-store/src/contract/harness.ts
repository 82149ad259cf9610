import { randomUUID } from 'node:crypto';
import { EventMetadata, EventStore, HashedEvent, NewEvent, RecordedEvent } from '../event-store.port';
import { readHashedLog } from '../hashed-log';

/** What the contract suite needs from an adapter under test. */
export interface ContractHarness {
  store: EventStore;
  /**
   * A second handle on the same log whose appends hold their transaction open a random few ms
   * before committing, so commits finish out of position order (the gap race).
   */
  slowCommitStore: EventStore;
  /** Rewrites a stored event's data behind the store's back; absent where that is impossible. */
  tamper?(streamId: string, revision: number): Promise<void>;
  race: { trials: number; writers: number };
  close(): Promise<void>;
}

/** Registers `beforeAll`/`afterAll` and hands the tests a getter for the open harness. */
export const useHarness = (open: () => Promise<ContractHarness>): (() => ContractHarness) => {
  let harness: ContractHarness | undefined;
  beforeAll(async () => {
    harness = await open();
  }, 60_000);
  afterAll(async () => harness?.close());
  return () => {
    if (!harness) throw new Error('the harness did not open');
    return harness;
  };
};

/** A stream id no other test (nor an earlier run against the same EventStoreDB) uses. */
export const uniqueStream = (category = 'contract'): string => `${category}-${randomUUID()}`;

export const metadata = (extra: Partial<EventMetadata> = {}): EventMetadata => ({
  actor: { sub: 'officer-1', roles: ['officer'], organizationId: 'XM-DAC-41114' },
  command: 'PublishHelpRequest',
  commandId: randomUUID(),
  correlationId: randomUUID(),
  occurredAt: '2025-03-01T09:30:00.000Z',
  schemaVersion: 1,
  ...extra,
});

export const event = (
  type: string,
  data: Record<string, unknown> = {},
  extra: Partial<EventMetadata> = {},
): NewEvent => ({
  type,
  data,
  metadata: metadata(extra),
});

export const numbered = (count: number, from = 0): NewEvent[] =>
  Array.from({ length: count }, (_, index) => event('NoteTaken', { n: from + index }));

/** Everything in the global log whose stream starts with `prefix`, in log order. */
export const readAllOf = async (
  store: EventStore,
  prefix: string,
  batchSize?: number,
): Promise<RecordedEvent[]> => {
  const found: RecordedEvent[] = [];
  for await (const recorded of store.readAll({ batchSize }))
    if (recorded.streamId.startsWith(prefix)) found.push(recorded);
  return found;
};

/**
 * The hashed log's events of streams starting with `prefix`, in log order, once there are `count`.
 * Read again until then: on a shared PostgreSQL server a transaction open in any database holds
 * back the global log (decision 0020), so a fresh append is not always readable at once.
 */
export const hashedLogOf = async (
  store: EventStore,
  prefix: string,
  count: number,
): Promise<HashedEvent[]> => {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const found: HashedEvent[] = [];
    for await (const hashed of readHashedLog(store))
      if (hashed.streamId.startsWith(prefix)) found.push(hashed);
    if (found.length >= count || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

/** Waits (bounded) until `condition` holds; the bound only turns a hang into a clear failure. */
export const eventually = async (condition: () => boolean, what: string, boundMs = 60_000): Promise<void> => {
  const deadline = Date.now() + boundMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
