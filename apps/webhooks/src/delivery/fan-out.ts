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
  }

  private async fanOut(event: RecordedEvent): Promise<void> {
    const queued = isSystemStream(event.streamId)
      ? []
      : await this.queueFor(event, await this.subscriptions.active());
    if (queued.length === 0 && event.position - this.savedAt < CHECKPOINT_EVERY) return;
    await this.deliveries.transaction(async (tx) => {
      await this.deliveries.queue(tx, queued);
      await this.deliveries.saveFanOutCheckpoint(tx, this.name, event.checkpoint, event.position);
    });
    this.savedAt = event.position;
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
