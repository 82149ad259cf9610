import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import type { Database } from '@multitrack/database';
import { createKafkaBus } from '@multitrack/messaging';
import { readModels } from '@multitrack/read-models';
import { EventTopics } from '@multitrack/messaging';
import { Projector } from '../../apps/projector/src/projector';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Drained {
  messages: number;
  seconds: number;
}

/** The ceiling: a kafkajs consumer that does nothing with what it reads, over the same topics. */
export const drainWithNoOp = async (brokers: string[], prefix: string, total: number): Promise<Drained> => {
  const kafka = new Kafka({ clientId: 'bench-no-op', brokers, logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({
    groupId: `${prefix}bench.no-op.${randomBytes(3).toString('hex')}`,
    maxWaitTimeInMs: 1_000,
  });
  const began = Date.now();
  let messages = 0;
  await consumer.connect();
  await consumer.subscribe({ topics: EventTopics.map((topic) => prefix + topic), fromBeginning: true });
  await consumer.run({ eachBatch: async ({ batch }) => void (messages += batch.messages.length) });
  while (messages < total) await pause(20);
  const seconds = (Date.now() - began) / 1000;
  await consumer.disconnect();
  return { messages, seconds };
};

/**
 * Every read model's projector (the apps/projector class, one consumer group each) from the start
 * of the topics into an empty database; done when every model's progress reached the newest
 * position of its topics (`newest`: per read model name).
 */
export const projectEverything = async (
  brokers: string[],
  prefix: string,
  db: Database,
  newest: Map<string, number>,
  partitions: number,
): Promise<Drained> => {
  const bus = createKafkaBus({
    brokers,
    clientId: 'bench-projector',
    partitions,
    logger: { warn: () => undefined, error: () => undefined },
  });
  const group = `${prefix}bench.projector.${randomBytes(3).toString('hex')}.`;
  const projectors = readModels.map(
    (model) => new Projector(bus, db, model, { topicPrefix: prefix, groupPrefix: group }),
  );
  const began = Date.now();
  try {
    await Promise.all(projectors.map((projector) => projector.start()));
    for (const model of readModels) {
      const target = newest.get(model.name) ?? -1;
      for (;;) {
        const { rows } = await db.query<{ position: number }>(
          `SELECT position FROM ${model.schema}.progress`,
        );
        if (Number(rows[0]?.position ?? -1) >= target) break;
        await pause(20);
      }
    }
    return { messages: 0, seconds: (Date.now() - began) / 1000 };
  } finally {
    await Promise.all(projectors.map((projector) => projector.stop()));
    await bus.close();
  }
};
