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
import { parseMasterKey } from '@multitrack/personal-data';
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
      CoordinationApiModule.forRoot(
        coordinationSettingsOf(
          config,
          parseMasterKey(config.PERSONAL_DATA_MASTER_KEY, 'PERSONAL_DATA_MASTER_KEY'),
        ),
      ),
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
