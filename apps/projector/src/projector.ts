import { SpanKind } from '@opentelemetry/api';
import type { Database, SqlExecutor } from '@multitrack/database';
import type {
  BusMessage,
  ConsumedBatch,
  ConsumedMessage,
  MessageBus,
  MessageConsumer,
  MessagePublisher,
} from '@multitrack/messaging';
import { batchSpanStart, withSpan } from '@multitrack/platform';
import {
  applyEvents,
  installReadModel,
  isPoison,
  forgetOffsets,
  loadOffsets,
  lockOffset,
  reasonOf,
  saveOffset,
  type ReadModel,
} from '@multitrack/read-models';
import { parseEnvelope, Topics, type EventEnvelope } from '@multitrack/messaging';
import { projectorMetrics as metrics } from './projector.metrics';

export interface ProjectorLogger {
  log(message: string): void;
  error(message: string): void;
}

export interface ProjectorOptions {
  /** Consumer groups are `${groupPrefix}${readModel.name}`. */
  groupPrefix?: string;
  logger?: ProjectorLogger;
  /** Prepended to every topic name, as the relay's `topicPrefix`. */
  topicPrefix?: string;
  /** Test seam: runs after the batch's transaction committed, before the bus commits its offset. */
  afterCommit?: (batch: ConsumedBatch) => Promise<void>;
}

export interface HaltedPartition {
  topic: string;
  partition: number;
  offset: string;
  streamId: string;
  expectedRevision: number;
  receivedRevision: number;
}

export interface ProjectorStatus {
  readModel: string;
  running: boolean;
  position: number | null;
  lagSeconds: number;
  halted: HaltedPartition[];
}

interface Parsed {
  message: ConsumedMessage;
  event?: EventEnvelope;
  error?: unknown;
}

const nextOf = (offset: string) => (BigInt(offset) + 1n).toString();

/**
 * Bus → one read model. One consumer group per read model; ONE transaction per batch applies the
 * events, records each stream's last applied revision and the partition's next offset. The
 * database, not the bus, is the truth about where a read model stands: on start the partitions
 * are sought to the stored offsets, and a batch that starts below the stored offset is trimmed.
 */
export class Projector {
  readonly groupId: string;
  private readonly topics: string[];
  private readonly deadLetterTopic: string;
  private consumer?: MessageConsumer;
  private deadLetters?: MessagePublisher;
  private running = false;
  private readonly halted = new Map<string, HaltedPartition>();
  private position: number | null = null;
  private lagSeconds = 0;

  constructor(
    private readonly bus: MessageBus,
    private readonly db: Database,
    readonly readModel: ReadModel,
    private readonly options: ProjectorOptions = {},
  ) {
    this.groupId = `${options.groupPrefix ?? 'multitrack.projector.'}${readModel.name}`;
    const prefix = options.topicPrefix ?? '';
    this.topics = readModel.topics.map((topic) => prefix + topic);
    this.deadLetterTopic = prefix + Topics.deadLetter;
  }

  async start(): Promise<void> {
    await installReadModel(this.db, this.readModel);
    await this.bus.ensureTopics([...this.topics, this.deadLetterTopic]);
    this.deadLetters = this.bus.publisher();
    this.running = true;
    await this.consume();
    this.options.logger?.log(`projector ${this.readModel.name} started (group ${this.groupId})`);
  }

  async stop(): Promise<void> {
    this.running = false;
    const consumer = this.consumer;
    this.consumer = undefined;
    await consumer?.close();
    await this.deadLetters?.close();
    this.deadLetters = undefined;
  }

  status(): ProjectorStatus {
    return {
      readModel: this.readModel.name,
      running: this.running,
      position: this.position,
      lagSeconds: this.lagSeconds,
      halted: [...this.halted.values()],
    };
  }

  private async consume() {
    // A fresh in-process bus numbers its messages from 0 again: offsets an earlier process stored
    // would hide the new messages as "applied already". Revisions still drop true duplicates.
    if (!this.bus.durableOffsets) await forgetOffsets(this.db, this.readModel.schema, this.groupId);
    const consumer = this.bus.consumer();
    this.consumer = consumer;
    await consumer.start({
      groupId: this.groupId,
      topics: this.topics,
      fromBeginning: true,
      eachBatch: (batch) => this.onBatch(consumer, batch),
    });
    for (const stored of await loadOffsets(this.db, this.readModel.schema, this.groupId)) {
      if (this.topics.includes(stored.topic))
        consumer.seek(stored.topic, stored.partition, stored.nextOffset);
    }
  }

  private async onBatch(consumer: MessageConsumer, batch: ConsumedBatch): Promise<void> {
    // Throwing leaves the bus's offset where it was: the batch comes again after a back-off.
    if (!this.running || consumer !== this.consumer)
      throw new Error(`projector ${this.readModel.name} is stopped`);
    if (batch.messages.length === 0) return;
    const { parent, links } = batchSpanStart(batch.messages.map((message) => message.headers.traceparent));
    const attributes = {
      'messaging.operation.type': 'process',
      'messaging.destination.name': batch.topic,
      'messaging.destination.partition.id': String(batch.partition),
      'messaging.batch.message_count': batch.messages.length,
      'multitrack.read_model': this.readModel.name,
    };
    // Under the command whose events these are, or linked to each command when several (docs/projections.md).
    await withSpan(
      `project ${this.readModel.name}`,
      { kind: SpanKind.CONSUMER, parent, links, attributes },
      () => this.applyBatch(batch),
    );
  }

  private async applyBatch(batch: ConsumedBatch): Promise<void> {
    metrics.batchSize.observe({ read_model: this.readModel.name }, batch.messages.length);
    let halted: HaltedPartition | undefined;
    try {
      halted = await this.db.transaction((tx) => this.apply(tx, batch, false));
    } catch (error) {
      if (!isPoison(error)) throw error;
      halted = await this.db.transaction((tx) => this.apply(tx, batch, true));
    }
    this.haltedAt(batch, halted);
    // What came before the gap is committed; refusing the batch keeps the bus from moving past it,
    // so the partition retries (after the bus's back-off) and resumes by itself once the gap is
    // filled, e.g. by a rebuild.
    if (halted)
      throw new Error(
        `projector ${this.readModel.name}: ${batch.topic}/${batch.partition} stopped at a revision gap`,
      );
    if (this.options.afterCommit) await this.options.afterCommit(batch);
  }

  /** One batch, one transaction; returns where the partition stopped, if it did. */
  private async apply(
    tx: SqlExecutor,
    batch: ConsumedBatch,
    isolatePoison: boolean,
  ): Promise<HaltedPartition | undefined> {
    const { schema } = this.readModel;
    const stored = await lockOffset(tx, schema, this.groupId, batch.topic, batch.partition);
    // Below the stored offset: applied already, the bus's commit was lost (a crash after ours).
    const fresh = batch.messages.filter(
      (message) => stored === undefined || BigInt(message.offset) >= BigInt(stored),
    );
    if (fresh.length === 0) return undefined;
    const parsed = fresh.map(parse);
    const valid = parsed.filter((p): p is Required<Parsed> => p.event !== undefined);
    const outcome = await applyEvents(
      tx,
      this.readModel,
      schema,
      valid.map((p) => p.event),
      { isolatePoison },
    );
    const poisoned = [
      ...parsed.filter((p) => p.event === undefined).map((p) => ({ message: p.message, error: p.error })),
      ...outcome.poisoned.map((p) => ({ message: valid[p.index].message, error: p.error })),
    ];
    const gapAt = outcome.gap ? valid[outcome.gap.index].message : undefined;
    const next = gapAt ? gapAt.offset : nextOf(fresh[fresh.length - 1].offset);
    await saveOffset(tx, schema, this.groupId, {
      topic: batch.topic,
      partition: batch.partition,
      nextOffset: next,
    });
    // Dead letters go out before the commit: a crash in between sends them twice, never zero times.
    if (poisoned.length > 0) await this.deadLetter(poisoned);
    this.progressed(
      valid.slice(0, outcome.gap?.index ?? valid.length).map((p) => p.event),
      outcome,
    );
    if (!gapAt || !outcome.gap) return undefined;
    return {
      topic: batch.topic,
      partition: batch.partition,
      offset: gapAt.offset,
      streamId: outcome.gap.event.streamId,
      expectedRevision: outcome.gap.expected,
      receivedRevision: outcome.gap.event.revision,
    };
  }

  private haltedAt(batch: ConsumedBatch, halted: HaltedPartition | undefined) {
    const key = `${batch.topic}/${batch.partition}`;
    const labels = { read_model: this.readModel.name };
    const known = this.halted.has(key);
    if (halted) this.halted.set(key, halted);
    else this.halted.delete(key);
    metrics.haltedPartitions.set(labels, this.halted.size);
    if (!halted || known) return;
    metrics.gaps.inc(labels);
    this.options.logger?.error(
      `projector ${this.readModel.name}: ${halted.streamId} jumped from revision ${halted.expectedRevision - 1} to ` +
        `${halted.receivedRevision} at ${key}@${halted.offset}; the partition is stopped there ` +
        `(events are missing from the bus: rebuild the read model from the event store)`,
    );
  }

  private progressed(events: EventEnvelope[], outcome: { applied: number; duplicates: number }) {
    const labels = { read_model: this.readModel.name };
    metrics.applied.inc(labels, outcome.applied);
    metrics.duplicates.inc(labels, outcome.duplicates);
    const newest = events.reduce<EventEnvelope | undefined>(
      (a, b) => (!a || b.position > a.position ? b : a),
      undefined,
    );
    if (!newest) return;
    this.position = Math.max(this.position ?? -1, newest.position);
    this.lagSeconds = Math.max(0, (Date.now() - Date.parse(newest.recordedAt)) / 1000);
    metrics.position.set(labels, this.position);
    metrics.lagSeconds.set(labels, this.lagSeconds);
  }

  private async deadLetter(poisoned: { message: ConsumedMessage; error: unknown }[]) {
    const letters: BusMessage[] = poisoned.map(({ message, error }) => ({
      topic: this.deadLetterTopic,
      key: message.key,
      value: message.value,
      headers: {
        ...message.headers,
        dlq_reason: reasonOf(error).slice(0, 1000),
        dlq_read_model: this.readModel.name,
        dlq_topic: message.topic,
        dlq_partition: String(message.partition),
        dlq_offset: message.offset,
      },
    }));
    await this.deadLetters!.publish(letters);
    metrics.deadLetters.inc({ read_model: this.readModel.name }, letters.length);
    for (const { message, error } of poisoned) {
      this.options.logger?.error(
        `projector ${this.readModel.name}: dead-lettered ${message.topic}/${message.partition}@${message.offset}: ${reasonOf(error)}`,
      );
    }
  }
}

const parse = (message: ConsumedMessage): Parsed => {
  try {
    return { message, event: parseEnvelope(message.value) };
  } catch (error) {
    return { message, error };
  }
};
