import { type BusLogger, defaultBusLogger } from '../bus-logger';
import type { MessageBus, MessageConsumer } from '../bus.port';
import { defaultRedeliveryBackoff, type RedeliveryBackoff } from '../redelivery';
import { InProcessBroker } from './in-process-broker';
import { createInProcessConsumer } from './in-process-consumer';

export interface InProcessBusOptions {
  /** Partitions per topic (default 6, like KAFKA_PARTITIONS). */
  partitions?: number;
  logger?: BusLogger;
  redelivery?: RedeliveryBackoff;
}

/**
 * The bus for the one-process standalone mode and for fast tests: Kafka's semantics (keyed
 * partitions, consumer groups, commit after the handler, redelivery on failure) without Kafka.
 * Messages live in memory and are gone when the process ends.
 */
export const createInProcessBus = (options: InProcessBusOptions = {}): MessageBus => {
  const broker = new InProcessBroker(options.partitions ?? 6);
  const logger = options.logger ?? defaultBusLogger();
  const consumers = new Set<MessageConsumer>();
  let closed = false;

  const ensureOpen = () => {
    if (closed) throw new Error('the in-process bus is closed');
  };

  return {
    durableOffsets: false,
    publisher: () => ({
      publish: async (messages) => {
        ensureOpen();
        broker.append(messages);
      },
      close: async () => undefined,
    }),
    consumer: () => {
      const consumer = createInProcessConsumer(
        broker,
        logger,
        options.redelivery ?? defaultRedeliveryBackoff,
      );
      consumers.add(consumer);
      return consumer;
    },
    ensureTopics: async (topics) => {
      ensureOpen();
      topics.forEach((topic) => broker.ensureTopic(topic));
    },
    ping: async () => ensureOpen(),
    close: async () => {
      closed = true;
      await Promise.all([...consumers].map((consumer) => consumer.close()));
      consumers.clear();
    },
  };
};
