import type { Batch, Consumer, EachBatchPayload, IHeaders, Kafka } from 'kafkajs';
import type { BusLogger } from '../bus-logger';
import type { ConsumedBatch, ConsumerOptions, MessageConsumer } from '../bus.port';
import { type RedeliveryBackoff, redeliveryDelay } from '../redelivery';

/** kafkajs only sends a heartbeat when one is due, so asking often is cheap. */
const heartbeatEveryMs = 1_000;

// One partition at a time, kafkajs delivered a message 36-39 ms after it was acknowledged (p50,
// 30 partitions, no-op handler); six at a time (the default partition count), 14 ms. Order within a
// partition is kept; each batch is still committed only after its handler resolved.
const partitionsConsumedConcurrently = 6;

const headerText = (value: IHeaders[string]): string =>
  value === undefined ? '' : Array.isArray(value) ? value.map(String).join(',') : value.toString();

const toConsumedBatch = (batch: Batch): ConsumedBatch => ({
  topic: batch.topic,
  partition: batch.partition,
  messages: batch.messages.map((message) => ({
    topic: batch.topic,
    partition: batch.partition,
    offset: message.offset,
    key: message.key?.toString() ?? '',
    value: message.value?.toString() ?? '',
    headers: Object.fromEntries(
      Object.entries(message.headers ?? {}).map(([name, value]) => [name, headerText(value)]),
    ),
  })),
});

/**
 * Offsets are resolved and committed only after the handler resolves (auto-resolve off, commit
 * after every batch). A rejected batch is not skipped: the partition is sought back to the batch's
 * first offset and paused for a back-off, so the same messages come again while the other
 * partitions go on.
 */
export const createKafkaConsumer = (
  kafka: Kafka,
  logger: BusLogger,
  backoff: RedeliveryBackoff,
): MessageConsumer => {
  let consumer: Consumer | undefined;
  const failures = new Map<string, number>();
  const resumeTimers = new Set<NodeJS.Timeout>();

  const redeliverLater = (payload: EachBatchPayload, groupId: string, error: unknown) => {
    const { topic, partition } = payload.batch;
    const key = `${topic}/${partition}`;
    const count = (failures.get(key) ?? 0) + 1;
    failures.set(key, count);
    const delayMs = redeliveryDelay(count, backoff);
    logger.warn(
      { err: error, groupId, topic, partition, delayMs },
      'batch handler failed; redelivering the batch',
    );
    consumer!.seek({ topic, partition, offset: payload.batch.firstOffset()! });
    const resume = payload.pause();
    const timer = setTimeout(() => {
      resumeTimers.delete(timer);
      resume();
    }, delayMs);
    resumeTimers.add(timer);
  };

  const handle = (options: ConsumerOptions) => async (payload: EachBatchPayload) => {
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isStale, isRunning } = payload;
    if (!isRunning() || isStale()) return;
    if (batch.isEmpty()) {
      resolveOffset(batch.lastOffset());
      return;
    }
    // A long batch must not cost the partition: the group would evict a silent member.
    const beat = setInterval(() => heartbeat().catch(() => undefined), heartbeatEveryMs);
    try {
      await options.eachBatch(toConsumedBatch(batch));
    } catch (error) {
      redeliverLater(payload, options.groupId, error);
      return;
    } finally {
      clearInterval(beat);
    }
    failures.delete(`${batch.topic}/${batch.partition}`);
    resolveOffset(batch.lastOffset());
    await commitOffsetsIfNecessary();
  };

  return {
    async start(options) {
      if (consumer) throw new Error('this consumer was already started');
      consumer = kafka.consumer({
        groupId: options.groupId,
        allowAutoTopicCreation: false,
        maxWaitTimeInMs: 1_000,
        // A member killed with -9 holds its partitions until its session expires: 10 s rather than
        // kafkajs's 30 s brings a restarted projector back in seconds (the broker's floor is 6 s).
        sessionTimeout: 10_000,
        heartbeatInterval: 1_000,
      });
      await consumer.connect();
      await consumer.subscribe({ topics: options.topics, fromBeginning: options.fromBeginning ?? false });
      await consumer.run({
        autoCommit: true,
        autoCommitThreshold: 1,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently,
        eachBatch: handle(options),
      });
    },
    seek(topic, partition, offset) {
      if (!consumer) throw new Error('seek before start: start the consumer first');
      consumer.seek({ topic, partition, offset });
    },
    async close() {
      resumeTimers.forEach(clearTimeout);
      resumeTimers.clear();
      await consumer?.disconnect();
    },
  };
};
