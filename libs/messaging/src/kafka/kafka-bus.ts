import { type Admin, Kafka } from 'kafkajs';
import { type BusLogger, defaultBusLogger } from '../bus-logger';
import type { MessageBus, MessageConsumer, MessagePublisher } from '../bus.port';
import { defaultRedeliveryBackoff, type RedeliveryBackoff } from '../redelivery';
import { connectOnce } from './connect-once';
import { createKafkaConsumer } from './kafka-consumer';
import { kafkaLogCreator, kafkaLogLevel } from './kafka-log';
import { createKafkaPublisher } from './kafka-publisher';

export interface KafkaBusOptions {
  /** Bootstrap servers, e.g. `['127.0.0.1:9092']`. */
  brokers: string[];
  clientId: string;
  /** Partitions for topics `ensureTopics` creates (default 6). */
  partitions?: number;
  /** Replicas per partition for created topics; default: the cluster's default.replication.factor. */
  replicationFactor?: number;
  logger?: BusLogger;
  redelivery?: RedeliveryBackoff;
}

/**
 * The bus on the real stack. kafkajs stays behind this factory (docs/decisions/0010-kafka-client.md):
 * nothing outside this folder imports it, so another client can replace it.
 */
export const createKafkaBus = (options: KafkaBusOptions): MessageBus => {
  const logger = options.logger ?? defaultBusLogger();
  const client = (retries: number, connectionTimeout: number) =>
    new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      connectionTimeout,
      retry: { retries },
      logLevel: kafkaLogLevel(),
      logCreator: kafkaLogCreator(logger),
    });
  const kafka = client(8, 3_000);
  // Readiness checks want a quick no, not kafkajs's patient retries.
  const probe = client(0, 1_000).admin();
  const admin: Admin = kafka.admin();
  const adminConnection = connectOnce(() => admin.connect());
  const probeConnection = connectOnce(() => probe.connect());
  const publishers = new Set<MessagePublisher>();
  const consumers = new Set<MessageConsumer>();

  return {
    durableOffsets: true,
    publisher() {
      const publisher = createKafkaPublisher(kafka);
      publishers.add(publisher);
      return publisher;
    },
    consumer() {
      const consumer = createKafkaConsumer(kafka, logger, options.redelivery ?? defaultRedeliveryBackoff);
      consumers.add(consumer);
      return consumer;
    },
    async ensureTopics(topics) {
      await adminConnection.ensure();
      await admin.createTopics({
        waitForLeaders: true,
        topics: topics.map((topic) => ({
          topic,
          numPartitions: options.partitions ?? 6,
          replicationFactor: options.replicationFactor ?? -1,
        })),
      });
    },
    async ping() {
      try {
        await probeConnection.ensure();
        await probe.describeCluster();
      } catch (error) {
        probeConnection.reset();
        await probe.disconnect().catch(() => undefined);
        throw error;
      }
    },
    async close() {
      await Promise.all([...consumers].map((consumer) => consumer.close()));
      await Promise.all([...publishers].map((publisher) => publisher.close()));
      consumers.clear();
      publishers.clear();
      if (adminConnection.started) await admin.disconnect();
      if (probeConnection.started) await probe.disconnect();
      adminConnection.reset();
      probeConnection.reset();
    },
  };
};
