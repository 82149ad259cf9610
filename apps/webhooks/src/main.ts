import 'reflect-metadata';
import {
  AppRootModule,
  bootstrapHttpApp,
  idempotencyHashKeyOf,
  IdempotencyModule,
  loadConfig,
  openServerInfrastructure,
  runMain,
  startTracing,
  TracingModule,
} from '@multitrack/platform';
import { webhooksConfig } from './webhooks.config';
import { webhooksSecretsKey, WebhooksModule } from './webhooks.module';
import { WebhooksSettings } from './webhooks-settings';

runMain('webhooks', async () => {
  const tracing = startTracing('multitrack-webhooks');
  const config = loadConfig(webhooksConfig);
  const infrastructure = await openServerInfrastructure('webhooks', config, { store: true });
  const settings = new WebhooksSettings(config);
  await bootstrapHttpApp(
    AppRootModule.forRoot(infrastructure, [
      IdempotencyModule.forRoot({ requestHashKey: idempotencyHashKeyOf(await webhooksSecretsKey(settings)) }),
      WebhooksModule.forRoot(settings),
      TracingModule.forRoot(tracing),
    ]),
    {
      config,
      name: 'webhooks',
      openApi: {
        title: 'Multitrack webhooks',
        description: 'Subscriptions, signed webhook deliveries (Standard Webhooks) and the CloudEvents feed.',
      },
    },
  );
});
