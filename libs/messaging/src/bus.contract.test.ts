import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import type { BusMessage, ConsumedBatch, ConsumedMessage, MessageBus } from './bus.port';
import { createInProcessBus, createKafkaBus } from './index';

// One contract, two adapters: the in-process bus must behave like Kafka wherever the relay and
// the projectors can tell the difference. The Kafka half runs on the broker that the integration
// global setup starts (deploy/local/kafka.sh), or on KAFKA_BROKERS.
jest.setTimeout(60_000);

const quickRedelivery = { initialDelayMs: 50, maxDelayMs: 200 };

const kafkaBrokers = (): string[] => {
  const brokers = process.env.KAFKA_BROKERS;
  if (!brokers) {
    throw new Error(
      'KAFKA_BROKERS is not set: the integration global setup should have started Kafka (deploy/local/kafka.sh start)',
    );
  }
  return brokers.split(',');
};

const createdTopics: string[] = [];

const adapters: [string, (partitions?: number) => MessageBus][] = [
  ['in-process', (partitions) => createInProcessBus({ partitions, redelivery: quickRedelivery })],
  [
    'kafka',
    (partitions) =>
      createKafkaBus({
        brokers: kafkaBrokers(),
        clientId: 'bus-contract',
        partitions,
        redelivery: quickRedelivery,
      }),
  ],
];

afterAll(async () => {
  if (createdTopics.length === 0 || !process.env.KAFKA_BROKERS) return;
  // Keeps the local broker from collecting thousands of test partitions over many runs.
  const admin = new Kafka({ brokers: kafkaBrokers(), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  await admin.deleteTopics({ topics: createdTopics }).catch(() => undefined);
  await admin.disconnect();
});

const message = (topic: string, key: string, value: string): BusMessage => ({
  topic,
  key,
  value,
  headers: { ce_type: 'ContractChecked', ce_id: randomUUID() },
});

/** Resolves once `done` holds for what arrived; the test's timeout is the only clock. */
const until = async (done: () => boolean): Promise<void> => {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 20));
};

describe.each(adapters)('the %s bus', (_name, createBus) => {
  let bus: MessageBus;
  let topic: string;

  const start = async (groupId: string, eachBatch: (batch: ConsumedBatch) => Promise<void>) => {
    const consumer = bus.consumer();
    await consumer.start({ groupId, topics: [topic], fromBeginning: true, eachBatch });
    return consumer;
  };

  const useBus = async (partitions?: number) => {
    bus = createBus(partitions);
    topic = `contract-${randomUUID()}`;
    createdTopics.push(topic);
    await bus.ensureTopics([topic]);
  };

  afterEach(() => bus.close());

  it('answers a ping', async () => {
    await useBus();
    await expect(bus.ping()).resolves.toBeUndefined();
  });

  it('keeps the order of each key, whatever the interleaving of publishes', async () => {
    // Given three streams published in interleaved batches
    await useBus();
    const keys = ['request-1', 'offer-2', 'match-3'];
    const publisher = bus.publisher();
    for (let round = 0; round < 10; round++) {
      await publisher.publish(
        keys.flatMap((key) => [message(topic, key, `${round}a`), message(topic, key, `${round}b`)]),
      );
    }
    // When a consumer reads them
    const received: ConsumedMessage[] = [];
    await start(`group-${randomUUID()}`, async (batch) => void received.push(...batch.messages));
    await until(() => received.length === 60);
    // Then every key arrives in the order it was published, from a single partition
    const expected = Array.from({ length: 10 }, (_, round) => [`${round}a`, `${round}b`]).flat();
    for (const key of keys) {
      const ofKey = received.filter((m) => m.key === key);
      expect(ofKey.map((m) => m.value)).toEqual(expected);
      expect(new Set(ofKey.map((m) => m.partition)).size).toBe(1);
      expect(ofKey[0].headers.ce_type).toBe('ContractChecked');
    }
  });

  it('delivers a batch again when its handler fails, so nothing is lost', async () => {
    // Given messages on the topic and a handler that fails the first batch it sees
    await useBus();
    const values = Array.from({ length: 20 }, (_, i) => `v${i}`);
    await bus.publisher().publish(values.map((value, i) => message(topic, `stream-${i % 4}`, value)));
    let failedBatch: ConsumedMessage[] | undefined;
    const handled: ConsumedMessage[] = [];
    // When the consumer runs
    await start(`group-${randomUUID()}`, async (batch) => {
      if (!failedBatch) {
        failedBatch = batch.messages;
        throw new Error('projection database unavailable');
      }
      handled.push(...batch.messages);
    });
    await until(() => new Set(handled.map((m) => m.value)).size === values.length);
    // Then every message was handled, the failed ones included
    expect(new Set(handled.map((m) => m.value))).toEqual(new Set(values));
    const handledOffsets = handled.map((m) => `${m.partition}:${m.offset}`);
    expect(handledOffsets).toEqual(
      expect.arrayContaining(failedBatch!.map((m) => `${m.partition}:${m.offset}`)),
    );
  });

  it('resumes a group after the last committed batch when a consumer restarts', async () => {
    // Given a group that handled the first ten messages and stopped cleanly
    await useBus();
    const groupId = `group-${randomUUID()}`;
    const publisher = bus.publisher();
    await publisher.publish(
      Array.from({ length: 10 }, (_, i) => message(topic, `stream-${i % 3}`, `first-${i}`)),
    );
    const firstRun: string[] = [];
    const first = await start(
      groupId,
      async (batch) => void firstRun.push(...batch.messages.map((m) => m.value)),
    );
    await until(() => firstRun.length === 10);
    await first.close();
    // When five more arrive and a new consumer of the same group starts
    await publisher.publish(
      Array.from({ length: 5 }, (_, i) => message(topic, `stream-${i % 3}`, `second-${i}`)),
    );
    const secondRun: string[] = [];
    await start(groupId, async (batch) => void secondRun.push(...batch.messages.map((m) => m.value)));
    await until(() => secondRun.length >= 5);
    // Then it gets only the five new ones: nothing repeated, nothing skipped
    expect(secondRun.sort()).toEqual(['second-0', 'second-1', 'second-2', 'second-3', 'second-4']);
  });

  it('creates topics with the configured number of partitions, idempotently', async () => {
    // Given a bus configured for three partitions, asked twice for the same topic
    await useBus(3);
    await bus.ensureTopics([topic]);
    // When many keys are published
    await bus.publisher().publish(Array.from({ length: 60 }, (_, i) => message(topic, `key-${i}`, `${i}`)));
    const partitions = new Set<number>();
    let count = 0;
    await start(`group-${randomUUID()}`, async (batch) => {
      partitions.add(batch.partition);
      count += batch.messages.length;
    });
    await until(() => count === 60);
    // Then they spread over exactly partitions 0, 1 and 2
    expect([...partitions].sort()).toEqual([0, 1, 2]);
  });
});
