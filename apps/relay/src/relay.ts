import { SpanKind } from '@opentelemetry/api';
import type { Database } from '@multitrack/database';
import type { EventStore, RecordedEvent, Subscription } from '@multitrack/event-store';
import type { MessageBus, MessagePublisher } from '@multitrack/messaging';
import { batchSpanStart, markFailed, tracer } from '@multitrack/platform';
import { EventTopics } from '@multitrack/messaging';
import {
  installRelayCheckpoints,
  loadCheckpoint,
  saveCheckpoint,
  type RelayCheckpoint,
} from './relay-checkpoints';
import { relayMetrics } from './relay.metrics';
import { toMessage } from '@multitrack/messaging';

export interface RelayLogger {
  log(message: string): void;
  error(message: string): void;
}

export interface RelayOptions {
  /** The checkpoint row; one per bus the log is relayed to. */
  name?: string;
  /** Publish once this many events are waiting… */
  batchSize?: number;
  /** …or once the oldest has waited this long. */
  lingerMs?: number;
  retryDelayMs?: number;
  logger?: RelayLogger;
  /** Prepended to every topic name: isolates environments (and test runs) sharing one cluster. */
  topicPrefix?: string;
  /** Test seam: runs after the bus acknowledged a batch and before its checkpoint is stored. */
  afterPublish?: (events: RecordedEvent[]) => Promise<void>;
}

export interface RelayStatus {
  running: boolean;
  position: number | null;
  lagEvents: number;
  lagSeconds: number;
  lastError: string | null;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Event store → bus, in global order, at least once. Events are collected for a few
 * milliseconds (or up to `batchSize`), published, and only once the bus acknowledged them is
 * the checkpoint stored: a crash anywhere replays from the last stored checkpoint, never skips.
 */
export class Relay {
  private readonly name: string;
  private readonly batchSize: number;
  private readonly lingerMs: number;
  private readonly retryDelayMs: number;
  private readonly prefix: string;
  private publisher?: MessagePublisher;
  private subscription?: Subscription;
  private buffer: RecordedEvent[] = [];
  /** Batches handed to the bus and not yet acknowledged, oldest first. */
  private queued: RecordedEvent[][] = [];
  private timer?: NodeJS.Timeout;
  private chain: Promise<void> = Promise.resolve();
  private acknowledged?: RelayCheckpoint;
  private running = false;
  private lastError: string | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly bus: MessageBus,
    private readonly db: Database,
    private readonly options: RelayOptions = {},
  ) {
    this.name = options.name ?? 'kafka';
    this.batchSize = options.batchSize ?? 500;
    this.lingerMs = options.lingerMs ?? 5;
    this.retryDelayMs = options.retryDelayMs ?? 500;
    this.prefix = options.topicPrefix ?? '';
  }

  async start(): Promise<void> {
    await installRelayCheckpoints(this.db);
    await this.bus.ensureTopics(EventTopics.map((topic) => this.prefix + topic));
    this.publisher = this.bus.publisher();
    this.acknowledged = await loadCheckpoint(this.db, this.name);
    this.running = true;
    relayMetrics.observe(this);
    this.subscribe();
    this.options.logger?.log(
      `relay ${this.name} started after position ${this.acknowledged?.position ?? 'none'}`,
    );
  }

  /** Stops reading; what was read and not yet acknowledged is left for the next start. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.subscription?.stop();
    await this.chain.catch(() => undefined);
    const publisher = this.publisher;
    this.publisher = undefined;
    await publisher?.close();
  }

  status(): RelayStatus {
    return {
      running: this.running,
      position: this.acknowledged?.position ?? null,
      lagEvents: this.lagEvents(),
      lagSeconds: this.lagSeconds(),
      lastError: this.lastError,
    };
  }

  lagEvents(): number {
    return this.queued.reduce((sum, batch) => sum + batch.length, this.buffer.length);
  }

  lagSeconds(): number {
    const oldest = this.queued[0]?.[0] ?? this.buffer[0];
    return oldest ? Math.max(0, (Date.now() - oldest.recordedAt.getTime()) / 1000) : 0;
  }

  private subscribe() {
    this.subscription = this.store.subscribeToAll({
      from: this.acknowledged?.checkpoint,
      onEvent: (event) => this.receive(event),
      onError: (error) => this.failed(error),
    });
  }

  /** The subscription retries the same event itself after a back-off; the relay only reports. */
  private failed(error: Error) {
    this.lastError = `subscription: ${error.message}`;
    this.options.logger?.error(`relay ${this.name}: ${this.lastError}`);
  }

  private async receive(event: RecordedEvent): Promise<void> {
    if (!this.running) return;
    this.buffer.push(event);
    if (this.buffer.length >= this.batchSize) {
      // Back-pressure: the subscription waits until this batch is on the bus.
      await this.flush();
    } else {
      this.timer ??= setTimeout(() => void this.flush().catch(() => undefined), this.lingerMs);
      // The bus is slow or away: stop reading the log rather than queue it in memory.
      if (this.queued.length > 1) await this.chain;
    }
  }

  private flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.buffer.splice(0);
    if (batch.length === 0) return this.chain;
    this.queued.push(batch);
    this.chain = this.chain.then(() => this.deliver(batch));
    return this.chain;
  }

  private async deliver(batch: RecordedEvent[]): Promise<void> {
    const last = batch[batch.length - 1];
    const span = this.publishSpan(batch);
    try {
      await this.retrying('publish', () =>
        this.publisher!.publish(batch.map((event) => toMessage(event, this.prefix))),
      );
      if (this.options.afterPublish) await this.options.afterPublish(batch);
      const at = { checkpoint: last.checkpoint, position: last.position };
      await this.retrying('store checkpoint', () => saveCheckpoint(this.db, this.name, at));
      this.acknowledged = at;
      this.lastError = null;
      relayMetrics.published.inc(batch.length);
      relayMetrics.batchSize.observe(batch.length);
      relayMetrics.position.set(last.position);
    } catch (error) {
      // Stopped mid-batch (or the test seam crashed it): nothing past the stored checkpoint counts.
      this.running = false;
      this.buffer = [];
      void this.subscription?.stop();
      this.lastError = (error as Error).message;
      markFailed(span, error);
    } finally {
      span.end();
      this.queued.shift();
    }
  }

  /** Under the command whose events these are, or linked to each command when several (docs/projections.md). */
  private publishSpan(batch: RecordedEvent[]) {
    const { parent, links } = batchSpanStart(batch.map((event) => event.metadata.traceparent));
    const attributes = {
      'messaging.operation.type': 'send',
      'messaging.batch.message_count': batch.length,
      'multitrack.relay': this.name,
      'multitrack.position': batch[batch.length - 1].position,
    };
    return tracer().startSpan('relay publish', { kind: SpanKind.PRODUCER, links, attributes }, parent);
  }

  private async retrying(what: string, work: () => Promise<void>): Promise<void> {
    for (;;) {
      if (!this.running) throw new Error(`relay ${this.name} stopped before ${what}`);
      try {
        return await work();
      } catch (error) {
        this.lastError = `${what}: ${(error as Error).message}`;
        this.options.logger?.error(`relay ${this.name}: ${this.lastError}; retrying`);
        await pause(this.retryDelayMs);
      }
    }
  }
}
