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
  /** Handle a whole batch; offsets are committed only after the promise resolves. */
  eachBatch: (batch: ConsumedBatch) => Promise<void>;
  /** Where to start when the group has no committed offset. */
  fromBeginning?: boolean;
}

export interface MessageConsumer {
  start(options: ConsumerOptions): Promise<void>;
  /** Seek a partition (used after recovering offsets stored beside the read model). */
  seek?(topic: string, partition: number, offset: string): void;
  close(): Promise<void>;
}

export interface MessageBus {
  publisher(): MessagePublisher;
  consumer(): MessageConsumer;
  ensureTopics(topics: string[]): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
