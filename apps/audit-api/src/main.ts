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
import { auditApiConfig } from './audit-api.config';
import { AuditApiModule } from './audit-api.module';
import { AuditSettings } from './audit-settings';

runMain('audit-api', async () => {
  const tracing = startTracing('multitrack-audit-api');
  const config = loadConfig(auditApiConfig);
  const infrastructure = await openServerInfrastructure('audit-api', config, { store: true });
  await bootstrapHttpApp(
    AppRootModule.forRoot(infrastructure, [
      AuditApiModule.forRoot(new AuditSettings(config)),
      TracingModule.forRoot(tracing),
    ]),
    {
      config,
      name: 'audit-api',
      openApi: {
        title: 'Multitrack audit API',
        description:
          'History, time travel, integrity, exports, the transparency log and reconciliation, for auditors.',
      },
    },
  );
});
