import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { EventStore } from '@multitrack/event-store';
import { EVENT_STORE, ReadinessChecks, retryStart } from '@multitrack/platform';
import { VisibleEvents } from '../events/visible-events';
import { SubscriptionSecrets } from '../subscriptions/subscription-secrets';
import { SubscriptionsStore } from '../subscriptions/subscriptions.store';
import { WebhooksSettings } from '../webhooks-settings';
import { DeliveriesStore } from './deliveries.store';
import { Deliverer } from './deliverer';
import { FanOut } from './fan-out';
import { TargetPolicy } from './target-policy';

/** The dispatcher for the life of the app: the fan-out from the log and the deliverer behind it. */
@Injectable()
export class DispatcherRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly deliverer: Deliverer;
  readonly fanOut: FanOut;
  private readonly logger = new Logger('Webhooks');

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    deliveries: DeliveriesStore,
    subscriptions: SubscriptionsStore,
    secrets: SubscriptionSecrets,
    events: VisibleEvents,
    settings: WebhooksSettings,
    checks: ReadinessChecks,
  ) {
    const onError = (error: Error) => this.logger.warn(`webhooks: ${error.message}`);
    this.deliverer = new Deliverer(
      deliveries,
      secrets,
      new TargetPolicy(settings.WEBHOOK_ALLOW_PRIVATE_URLS),
      {
        concurrency: settings.WEBHOOK_CONCURRENCY,
        perSubscription: settings.WEBHOOK_CONCURRENCY_PER_SUBSCRIPTION,
        maxAttempts: settings.WEBHOOK_MAX_ATTEMPTS,
        retryBaseMs: settings.WEBHOOK_RETRY_BASE_MS,
        timeoutMs: settings.WEBHOOK_TIMEOUT_MS,
        onError,
      },
    );
    this.fanOut = new FanOut(store, deliveries, subscriptions, events, {
      onQueued: () => this.deliverer.wake(),
      onError,
    });
    checks.register('webhooks', () => store.ping());
  }

  async onApplicationBootstrap(): Promise<void> {
    await retryStart(
      () => this.fanOut.start(),
      () => this.fanOut.stop(),
      {
        onRetry: (error, attempt) =>
          this.logger.warn(`start attempt ${attempt} failed (${error.message}); retrying`),
      },
    );
    this.deliverer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.fanOut.stop();
    await this.deliverer.stop();
  }
}
