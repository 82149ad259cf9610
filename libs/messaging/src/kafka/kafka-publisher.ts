import { CompressionTypes, type Kafka, Partitioners, type Producer } from 'kafkajs';
import type { BusMessage, MessagePublisher } from '../bus.port';
import { connectOnce } from './connect-once';

/**
 * Idempotent producer, one request in flight, acks from every in-sync replica: a retried send
 * can neither duplicate nor reorder a key's messages, and `publish` resolves only once Kafka has
 * them safely.
 */
export const createKafkaPublisher = (kafka: Kafka): MessagePublisher => {
  const producer: Producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    // The Java client's murmur2 partitioner: other Kafka clients put a key in the same partition.
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  const connection = connectOnce(() => producer.connect());

  return {
    async publish(messages: BusMessage[]) {
      if (messages.length === 0) return;
      await connection.ensure();
      const byTopic = new Map<string, BusMessage[]>();
      for (const message of messages) {
        const list = byTopic.get(message.topic) ?? [];
        byTopic.set(message.topic, list);
        list.push(message);
      }
      await producer.sendBatch({
        acks: -1,
        compression: CompressionTypes.None,
        topicMessages: [...byTopic].map(([topic, list]) => ({
          topic,
          messages: list.map(({ key, value, headers }) => ({ key, value, headers })),
        })),
      });
    },
    async close() {
      if (connection.started) await producer.disconnect();
      connection.reset();
    },
  };
};
