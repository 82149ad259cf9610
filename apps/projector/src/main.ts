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
import { projectorConfig, ProjectorSettings } from './projector.config';
import { ProjectorModule } from './projector.module';

// The projector reads no events itself (rebuilds run from `npm run projections:rebuild`).
runMain('projector', async () => {
  const tracing = startTracing('multitrack-projector');
  const config = loadConfig(projectorConfig);
  const infrastructure = await openServerInfrastructure('projector', config, { bus: true });
  await bootstrapHttpApp(
    AppRootModule.forRoot(infrastructure, [
      ProjectorModule.forRoot(new ProjectorSettings(config)),
      TracingModule.forRoot(tracing),
    ]),
    {
      config,
      name: 'projector',
      openApi: {
        title: 'Multitrack projector',
        description: 'Kafka → PostgreSQL read models, idempotent and rebuildable. Health and metrics only.',
      },
    },
  );
});
