import {
  CompressionTypes,
  type Kafka,
  type Message,
  Partitioners,
  type Producer,
  type RecordMetadata,
} from 'kafkajs';
import type { BusMessage, MessagePublisher } from '../bus.port';
import { connectOnce } from './connect-once';

/** Kafka answered a send without acknowledging every partition it was given: nothing is assumed stored. */
export class PartialAcknowledgementError extends Error {
  override readonly name = 'PartialAcknowledgementError';
  constructor(readonly missing: string[]) {
    super(`Kafka did not acknowledge ${missing.join(', ')}; the batch must be sent again`);
  }
}

/**
 * Idempotent producer, one request in flight, acks from every in-sync replica: a retried send
 * can neither duplicate nor reorder a key's messages, and `publish` resolves only once Kafka has
 * them safely.
 *
 * kafkajs 2.2 can resolve a send that lost part of its batch: when a leader moves during its
 * internal retry, a broker that already answered for other partitions is not asked again for the
 * partition that moved to it (tulios/kafkajs#1303, #1798). So every partition a message went to
 * must appear in the answer, acknowledged; otherwise the whole batch fails and is sent again
 * (the projectors drop the duplicates by stream revision).
 */
export const createKafkaPublisher = (kafka: Kafka): MessagePublisher => {
  const partitionOf = new WeakMap<Message, number>();
  const producer: Producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    // The Java client's murmur2 partitioner (other Kafka clients put a key in the same
    // partition), remembering where each message went so the answer can be checked against it.
    createPartitioner: () => {
      const partitioner = Partitioners.DefaultPartitioner();
      return (args) => {
        const partition = partitioner(args);
        partitionOf.set(args.message, partition);
        return partition;
      };
    },
  });
  const connection = connectOnce(() => producer.connect());

  return {
    async publish(messages: BusMessage[]) {
      if (messages.length === 0) return;
      await connection.ensure();
      const byTopic = new Map<string, Message[]>();
      for (const { topic, key, value, headers } of messages) {
        const list = byTopic.get(topic) ?? [];
        byTopic.set(topic, list);
        list.push({ key, value, headers });
      }
      const acknowledged = await producer.sendBatch({
        acks: -1,
        compression: CompressionTypes.None,
        topicMessages: [...byTopic].map(([topic, list]) => ({ topic, messages: list })),
      });
      const missing = unacknowledged(byTopic, partitionOf, acknowledged);
      if (missing.length > 0) throw new PartialAcknowledgementError(missing);
    },
    async close() {
      if (connection.started) await producer.disconnect();
      connection.reset();
    },
  };
};

/** `topic/partition` of every partition a message was sent to that the answer does not acknowledge. */
export const unacknowledged = (
  sent: Map<string, Message[]>,
  partitionOf: WeakMap<Message, number>,
  answer: RecordMetadata[],
): string[] => {
  const acknowledged = new Set(
    answer
      .filter((record) => record.errorCode === 0)
      .map((record) => `${record.topicName}/${record.partition}`),
  );
  const expected = new Set<string>();
  for (const [topic, list] of sent) {
    for (const message of list) expected.add(`${topic}/${partitionOf.get(message) ?? '?'}`);
  }
  return [...expected].filter((partition) => !acknowledged.has(partition));
};
