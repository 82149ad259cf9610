import {
  isSystemStream,
  type EventStore,
  type RecordedEvent,
  type Subscription,
} from '@multitrack/event-store';
import type { VisibleEvents } from '../events/visible-events';
import type { SubscriptionRecord, SubscriptionsStore } from '../subscriptions/subscriptions.store';
import type { DeliveriesStore, QueuedDelivery } from './deliveries.store';

/** With nothing queued, the place in the log is stored this often: a restart re-reads at most this many events. */
const CHECKPOINT_EVERY = 100;
/** Events fanned out in one transaction at most, and how long the first of them waits for others. */
const BATCH = 200;
const LINGER_MS = 5;
const RETRY_MS = 500;

export interface FanOutOptions {
  name?: string;
  onQueued: () => void;
  onError?: (error: Error) => void;
}

/**
 * Follows the global log and queues, for every subscription that may see an event and asked for
 * its type, one delivery (decision 0192). The deliveries and the place in the log are written in
 * one transaction, and a delivery is keyed by (subscription, event): a crash re-reads from the
 * stored place and queues nothing twice.
 */
export class FanOut {
  private readonly name: string;
  private subscription?: Subscription;
  private savedAt = -1;
  private gathered: RecordedEvent[] = [];
  private timer?: NodeJS.Timeout;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    private readonly deliveries: DeliveriesStore,
    private readonly subscriptions: SubscriptionsStore,
    private readonly events: VisibleEvents,
    private readonly options: FanOutOptions,
  ) {
    this.name = options.name ?? 'default';
  }

  async start(): Promise<void> {
    const from = await this.deliveries.fanOutCheckpoint(this.name);
    this.subscription = this.store.subscribeToAll({
      from,
      onEvent: (event) => this.fanOut(event),
      onError: this.options.onError,
    });
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = undefined;
    await this.flush();
  }

  /**
   * Events are gathered for a moment and fanned out together: one read of the subscriptions and
   * one transaction per batch. Nothing is lost by gathering: the stored place moves only with the
   * batch's rows, so a crash re-reads whatever was gathered and not yet written.
   */
  private fanOut(event: RecordedEvent): Promise<void> {
    this.gathered.push(event);
    if (this.gathered.length >= BATCH) return this.flush();
    this.timer ??= setTimeout(() => void this.flush(), LINGER_MS);
    return Promise.resolve();
  }

  private flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.gathered.splice(0);
    this.chain = this.chain.then(() =>
      this.write(batch).catch((error: Error) => {
        // Kept, in order, ahead of what came since, and tried again: the log is never skipped.
        this.gathered.unshift(...batch);
        this.options.onError?.(error);
        this.timer ??= setTimeout(() => void this.flush(), RETRY_MS);
      }),
    );
    return this.chain;
  }

  private async write(batch: RecordedEvent[]): Promise<void> {
    if (batch.length === 0) return;
    const last = batch[batch.length - 1];
    const subscriptions = await this.subscriptions.active();
    const queued: QueuedDelivery[] = [];
    for (const event of batch)
      if (!isSystemStream(event.streamId)) queued.push(...(await this.queueFor(event, subscriptions)));
    if (queued.length === 0 && last.position - this.savedAt < CHECKPOINT_EVERY) return;
    await this.deliveries.transaction(async (tx) => {
      await this.deliveries.queue(tx, queued);
      await this.deliveries.saveFanOutCheckpoint(tx, this.name, last.checkpoint, last.position);
    });
    this.savedAt = last.position;
    if (queued.length > 0) this.options.onQueued();
  }

  private async queueFor(
    event: RecordedEvent,
    subscriptions: SubscriptionRecord[],
  ): Promise<QueuedDelivery[]> {
    const matching: SubscriptionRecord[] = [];
    for (const subscription of subscriptions) {
      // A subscription hears what happens from its creation on; earlier events are in the feed.
      if (subscription.createdAt > event.recordedAt) continue;
      if (subscription.eventTypes && !subscription.eventTypes.includes(event.type)) continue;
      if (await this.events.visibleTo(subscription.viewer, event)) matching.push(subscription);
    }
    if (matching.length === 0) return [];
    const body = JSON.stringify(this.events.cloudEventOf(event));
    return matching.map((subscription) => ({
      subscriptionId: subscription.id,
      eventId: event.eventId,
      position: event.position,
      streamId: event.streamId,
      body,
    }));
  }
}
