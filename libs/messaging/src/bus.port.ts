/**
 * The bus port between the relay and the projectors: Kafka (kafkajs) on the real stack, an
 * in-process bus in standalone. Keys decide ordering: every message of one key keeps its order.
 */
export interface BusMessage {
  topic: string;
  /** The stream id: one stream, one partition, one order. */
  key: string;
  value: string;
  /** CloudEvents binary-mode headers (`ce_id`, `ce_type`, …) and trace context. */
  headers: Record<string, string>;
}

export interface ConsumedMessage extends BusMessage {
  partition: number;
  /** Kafka offset as a decimal string (in-process: a per-topic counter). */
  offset: string;
}

/** Topics must exist before anyone publishes to them: call `MessageBus.ensureTopics` first. */
export interface MessagePublisher {
  /** Resolves only once every message is acknowledged by the bus (Kafka: acks from all in-sync replicas). */
  publish(messages: BusMessage[]): Promise<void>;
  close(): Promise<void>;
}

export interface ConsumedBatch {
  topic: string;
  partition: number;
  messages: ConsumedMessage[];
}

export interface ConsumerOptions {
  groupId: string;
  topics: string[];
  /**
   * Handle a whole batch (messages of one partition, in order); its offsets are committed only
   * after the promise resolves. A rejection redelivers the same batch after a back-off, so
   * handlers must tolerate seeing a message twice.
   */
  eachBatch: (batch: ConsumedBatch) => Promise<void>;
  /** Where to start when the group has no committed offset. */
  fromBeginning?: boolean;
}

export interface MessageConsumer {
  /** Resolves once the consumer has joined its group; one `start` per consumer. */
  start(options: ConsumerOptions): Promise<void>;
  /**
   * Continue a partition from `offset` (used after recovering offsets stored beside the read
   * model). Only after `start`.
   */
  seek(topic: string, partition: number, offset: string): void;
  close(): Promise<void>;
}

export interface MessageBus {
  /**
   * Whether offsets mean the same messages after this process restarts (Kafka: yes). The
   * in-process bus starts again from offset 0, so offsets stored by an earlier process are void.
   */
  readonly durableOffsets: boolean;
  publisher(): MessagePublisher;
  consumer(): MessageConsumer;
  /** Creates the topics that do not exist yet, with the bus's partition count; idempotent. */
  ensureTopics(topics: string[]): Promise<void>;
  /** Rejects when the bus cannot be reached (for readiness checks); answers within seconds. */
  ping(): Promise<void>;
  /** Closes every publisher and consumer this bus handed out. */
  close(): Promise<void>;
}
