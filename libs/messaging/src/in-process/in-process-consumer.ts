import { setImmediate as nextTurn } from 'node:timers/promises';
import type { BusLogger } from '../bus-logger';
import type { ConsumedBatch, ConsumerOptions, MessageConsumer } from '../bus.port';
import { type RedeliveryBackoff, redeliveryDelay } from '../redelivery';
import { type GroupMember, type InProcessBroker, partitionKey } from './in-process-broker';

const maxBatchSize = 500;

interface Cursor {
  /** Where this member reads next; starts at the group's committed offset. */
  position: number;
  failures: number;
  retryAt: number;
}

/**
 * One group member: a single loop that hands one partition's pending messages at a time to the
 * handler, commits after it resolves, and retries the same batch after a back-off when it rejects.
 */
export const createInProcessConsumer = (
  broker: InProcessBroker,
  logger: BusLogger,
  backoff: RedeliveryBackoff,
): MessageConsumer => {
  const cursors = new Map<string, Cursor>();
  let options: ConsumerOptions | undefined;
  let member: GroupMember | undefined;
  let running = false;
  let loop: Promise<void> | undefined;
  let wakeUp: (() => void) | undefined;

  const cursor = (topic: string, partition: number): Cursor => {
    const key = partitionKey(topic, partition);
    let found = cursors.get(key);
    if (!found) {
      const position = broker.committed(options!.groupId, topic, partition);
      cursors.set(key, (found = { position, failures: 0, retryAt: 0 }));
    }
    return found;
  };

  const nextBatch = (now: number): { batch: ConsumedBatch; cursor: Cursor } | { waitMs: number } => {
    let waitMs = Infinity;
    for (const topic of options!.topics) {
      broker.log(topic).forEach((messages, partition) => {
        if (!broker.owns(options!.groupId, member!, topic, partition)) {
          // Whoever owns it next starts from the committed offset, as after a Kafka rebalance.
          cursors.delete(partitionKey(topic, partition));
        }
      });
    }
    for (const topic of options!.topics) {
      const log = broker.log(topic);
      for (let partition = 0; partition < log.length; partition++) {
        if (!broker.owns(options!.groupId, member!, topic, partition)) continue;
        const at = cursor(topic, partition);
        if (at.position >= log[partition].length) continue;
        if (at.retryAt > now) {
          waitMs = Math.min(waitMs, at.retryAt - now);
          continue;
        }
        const messages = log[partition].slice(at.position, at.position + maxBatchSize);
        return {
          batch: { topic, partition, messages: messages.map((m) => ({ ...m, headers: { ...m.headers } })) },
          cursor: at,
        };
      }
    }
    return { waitMs };
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = ms === Infinity ? undefined : setTimeout(resolve, ms);
      wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const deliver = async ({ batch, cursor: at }: { batch: ConsumedBatch; cursor: Cursor }) => {
    try {
      await options!.eachBatch(batch);
    } catch (error) {
      at.failures += 1;
      const delayMs = redeliveryDelay(at.failures, backoff);
      at.retryAt = Date.now() + delayMs;
      logger.warn(
        { err: error, groupId: options!.groupId, topic: batch.topic, partition: batch.partition, delayMs },
        'batch handler failed; redelivering the batch',
      );
      return;
    }
    at.failures = 0;
    at.retryAt = 0;
    at.position += batch.messages.length;
    if (broker.owns(options!.groupId, member!, batch.topic, batch.partition)) {
      broker.commit(options!.groupId, batch.topic, batch.partition, at.position);
    }
  };

  const run = async () => {
    while (running) {
      const next = nextBatch(Date.now());
      if ('batch' in next) {
        await deliver(next);
        // A handler on an embedded database resolves in microtasks only: without a turn of the
        // event loop between batches, a backlog would keep HTTP requests from being read at all.
        await nextTurn();
      } else await sleep(next.waitMs);
    }
  };

  return {
    async start(startOptions) {
      if (options) throw new Error('this consumer was already started');
      options = startOptions;
      startOptions.topics.forEach((topic) => broker.log(topic));
      member = { topics: startOptions.topics, wake: () => wakeUp?.() };
      broker.join(startOptions.groupId, member, startOptions.fromBeginning ?? false);
      running = true;
      loop = run();
    },
    seek(topic, partition, offset) {
      if (!options) throw new Error('seek before start: start the consumer first');
      cursor(topic, partition).position = Number(offset);
      wakeUp?.();
    },
    async close() {
      if (!running) return;
      running = false;
      wakeUp?.();
      await loop;
      broker.leave(options!.groupId, member!);
    },
  };
};
