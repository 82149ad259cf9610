import 'reflect-metadata';
import {
  AppRootModule,
  bootstrapHttpApp,
  loadConfig,
  openServerInfrastructure,
  runMain,
  startTracing,
  TracingModule,
} from '@multitrack/platform';
import { coordinationApiConfig, coordinationSettingsOf } from './coordination-api.config';
import { CoordinationApiModule } from './coordination-api.module';

runMain('coordination-api', async () => {
  const tracing = startTracing('multitrack-coordination-api');
  const config = loadConfig(coordinationApiConfig);
  const infrastructure = await openServerInfrastructure('coordination-api', config, {
    store: true,
    vault: true,
  });
  await bootstrapHttpApp(
    AppRootModule.forRoot(infrastructure, [
      CoordinationApiModule.forRoot(coordinationSettingsOf(config)),
      TracingModule.forRoot(tracing),
    ]),
    {
      config,
      name: 'coordination-api',
      openApi: {
        title: 'Multitrack coordination API',
        description:
          'Organisations, help requests, offers, matches and money, for officers and NGOs (shared/API.md v1).',
      },
    },
  );
});
