import type { Database } from '@multitrack/database';
import type { EventStore, RecordedEvent, Subscription } from '@multitrack/event-store';
import type { TransparencyLog } from '@multitrack/transparency-log';
import { lastLeaf, PlacedLeaf, recordLeaves } from './leaf-positions';

const retryPauseMs = 1000;

export interface LogFeederOptions {
  store: EventStore;
  db: Database;
  log: TransparencyLog;
  batchSize?: number;
  lingerMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * Follows the event store from where it stopped and appends each event's `hash` as the next leaf
 * of the transparency log. The leaf index is counted here, in the order the store delivers, and
 * written to the tree as its `position` too, so the tree's own ordering check always holds; the
 * real position is kept in `audit_leaf_positions` (written after the tree: after a crash between
 * the two, the same events come again and the tree recognises them as a redelivery).
 */
export class LogFeeder {
  private subscription?: Subscription;
  private buffer: RecordedEvent[] = [];
  private nextLeaf = 0;
  private flushing: Promise<void> = Promise.resolve();
  private timer?: NodeJS.Timeout;
  private readonly waiters = new Set<{ size: number; resolve: () => void }>();

  constructor(private readonly options: LogFeederOptions) {}

  async start(): Promise<void> {
    const last = await lastLeaf(this.options.db);
    this.nextLeaf = last ? last.leafIndex + 1 : 0;
    this.subscription = this.options.store.subscribeToAll({
      from: last?.checkpoint,
      asStored: true,
      onEvent: (event) => this.take(event),
      onError: this.options.onError,
    });
  }

  async stop(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush().catch(this.options.onError ?? (() => undefined));
  }

  /** The number of leaves written so far (tree and position table). */
  get size(): number {
    return this.nextLeaf;
  }

  /** Resolves once the log holds at least `size` leaves. */
  reached(size: number): Promise<void> {
    if (this.nextLeaf >= size) return Promise.resolve();
    return new Promise((resolve) => this.waiters.add({ size, resolve }));
  }

  /**
   * Never throws: the subscription would deliver the event again and it would be buffered twice.
   * A full buffer waits for its write (back-pressure); a failed write is retried after a pause.
   */
  private async take(event: RecordedEvent): Promise<void> {
    this.buffer.push(event);
    if (this.buffer.length < (this.options.batchSize ?? 500))
      return this.schedule(this.options.lingerMs ?? 5);
    const failed = await this.flush().then(
      () => false,
      (error) => (this.options.onError?.(error), true),
    );
    if (failed) await new Promise((resolve) => setTimeout(resolve, retryPauseMs));
  }

  private schedule(delayMs: number): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.flush().catch((error) => {
        this.options.onError?.(error);
        if (this.subscription) this.schedule(retryPauseMs);
      });
    }, delayMs);
  }

  /** One write at a time; on failure the batch stays buffered and the next flush retries it. */
  private flush(): Promise<void> {
    const run = this.flushing.catch(() => undefined).then(() => this.write());
    this.flushing = run;
    return run;
  }

  private async write(): Promise<void> {
    const batch = this.buffer.slice();
    if (batch.length === 0) return;
    const leaves: PlacedLeaf[] = batch.map((event, offset) => ({
      leafIndex: this.nextLeaf + offset,
      position: event.position,
      hash: event.hash,
      checkpoint: event.checkpoint,
    }));
    await this.options.log.append(
      leaves.map((leaf) => ({ position: leaf.leafIndex, leafIndex: leaf.leafIndex, hash: leaf.hash })),
    );
    await recordLeaves(this.options.db, leaves);
    this.buffer.splice(0, batch.length);
    this.nextLeaf += batch.length;
    for (const waiter of this.waiters) {
      if (this.nextLeaf >= waiter.size) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }
}
