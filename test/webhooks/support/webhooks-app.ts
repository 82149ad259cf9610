import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { Database } from '@multitrack/database';
import type { EventStore } from '@multitrack/event-store';
import {
  createHttpApp,
  httpAppConfig,
  IdempotencyModule,
  InfrastructureModule,
  parseConfig,
} from '@multitrack/platform';
import { DispatcherRunner } from '../../../apps/webhooks/src/delivery/dispatcher.runner';
import { WebhooksModule } from '../../../apps/webhooks/src/webhooks.module';
import { webhooksSettingsOf } from '../../../apps/webhooks/src/webhooks-settings';
import { AUTH } from '../../coordination/support';

export interface WebhooksApp {
  url: string;
  /** Absent with WEBHOOK_DISPATCH=false. */
  dispatcher?: DispatcherRunner;
  close(): Promise<void>;
}

/** One key for every start of the app in a test: the secrets sealed by one start open in the next. */
export const SECRETS_KEY = randomBytes(32).toString('base64');

/**
 * The webhooks app as it runs on the real stack, its own HTTP app beside the coordination API,
 * over the same database and event store; loopback receivers allowed, fast retries.
 */
export const startWebhooksApp = async (
  db: Database,
  store: EventStore,
  settings: Record<string, string> = {},
): Promise<WebhooksApp> => {
  const config = parseConfig(httpAppConfig, {
    AUTH_JWT_SECRET: AUTH.secret,
    AUTH_ISSUER: AUTH.issuer,
    AUTH_AUDIENCE: AUTH.audience,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '0',
  });
  const app: INestApplication = await createHttpApp(
    {
      module: WebhooksModule,
      imports: [
        InfrastructureModule.forRoot({ db, store }),
        IdempotencyModule.forRoot({ requestHashKey: new Uint8Array(32).fill(9) }),
        WebhooksModule.forRoot(
          webhooksSettingsOf({
            WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
            WEBHOOK_RETRY_BASE_MS: '20',
            WEBHOOK_SECRETS_KEY: SECRETS_KEY,
            ...settings,
          }),
        ),
      ],
    },
    { config, openApi: { title: 'Multitrack webhooks (test)' }, name: 'webhooks' },
  );
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const dispatches = settings.WEBHOOK_DISPATCH !== 'false';
  return { url, dispatcher: dispatches ? app.get(DispatcherRunner) : undefined, close: () => app.close() };
};
