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
import { relayConfig, RelaySettings } from './relay.config';
import { RelayModule } from './relay.module';

runMain('relay', async () => {
  const tracing = startTracing('multitrack-relay');
  const config = loadConfig(relayConfig);
  const infrastructure = await openServerInfrastructure('relay', config, { store: true, bus: true });
  await bootstrapHttpApp(
    AppRootModule.forRoot(infrastructure, [
      RelayModule.forRoot(new RelaySettings(config)),
      TracingModule.forRoot(tracing),
    ]),
    {
      config,
      name: 'relay',
      openApi: {
        title: 'Multitrack relay',
        description: 'Event store → Kafka, in global order, at least once. Health and metrics only.',
      },
    },
  );
});
