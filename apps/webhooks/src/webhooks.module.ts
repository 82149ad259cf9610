import { DynamicModule, Module, type Provider } from '@nestjs/common';
import type { Database } from '@multitrack/database';
import { loadOrCreateMasterKey, parseMasterKey } from '@multitrack/personal-data';
import { DATABASE } from '@multitrack/platform';
import { DeliveriesStore } from './delivery/deliveries.store';
import { DispatcherRunner } from './delivery/dispatcher.runner';
import { VisibleEvents } from './events/visible-events';
import { FeedController } from './feed/feed.controller';
import { SubscriptionSecrets } from './subscriptions/subscription-secrets';
import { SubscriptionsController } from './subscriptions/subscriptions.controller';
import { SubscriptionsStore } from './subscriptions/subscriptions.store';
import { migrateWebhooks } from './webhooks.migrations';
import { WebhooksSettings } from './webhooks-settings';

export const WEBHOOK_SECRETS_FILE = 'webhook-secrets.key';

/** The tables exist before any store is handed out. */
const migrated = (db: Database) => migrateWebhooks(db).then(() => db);

/**
 * Subscriptions, the event feed and (with `WEBHOOK_DISPATCH`, the default) the dispatcher that
 * fans the log out to subscriptions and delivers it. Needs the infrastructure (`EVENT_STORE`,
 * `DATABASE`), provided by whoever boots it, and an `Idempotency-Key` interceptor from the root.
 */
/** The key that seals the subscriptions' signing secrets: WEBHOOK_SECRETS_KEY, else a file in DATA_DIR. */
export const webhooksSecretsKey = async (settings: WebhooksSettings): Promise<Buffer> =>
  settings.WEBHOOK_SECRETS_KEY
    ? parseMasterKey(settings.WEBHOOK_SECRETS_KEY, 'WEBHOOK_SECRETS_KEY')
    : loadOrCreateMasterKey(settings.DATA_DIR, WEBHOOK_SECRETS_FILE);

@Module({})
export class WebhooksModule {
  static forRoot(settings: WebhooksSettings): DynamicModule {
    const providers: Provider[] = [
      { provide: WebhooksSettings, useValue: settings },
      VisibleEvents,
      {
        provide: SubscriptionsStore,
        useFactory: async (db: Database) => new SubscriptionsStore(await migrated(db)),
        inject: [DATABASE],
      },
      {
        provide: DeliveriesStore,
        useFactory: async (db: Database) => new DeliveriesStore(await migrated(db)),
        inject: [DATABASE],
      },
      {
        provide: SubscriptionSecrets,
        useFactory: async () => new SubscriptionSecrets(await webhooksSecretsKey(settings)),
      },
    ];
    if (settings.WEBHOOK_DISPATCH) providers.push(DispatcherRunner);
    return {
      module: WebhooksModule,
      controllers: [FeedController, SubscriptionsController],
      providers,
      exports: settings.WEBHOOK_DISPATCH ? [DispatcherRunner] : [],
    };
  }
}
