import 'reflect-metadata';
import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { openPostgres } from '@multitrack/database';
import { openEventStore } from '@multitrack/event-store';
import { bootstrapHttpApp, Infrastructure, InfrastructureModule, loadConfig, startTracing, Tracing, TracingModule } from '@multitrack/platform';
import { auditApiConfig } from './audit-api.config';
import { AuditApiModule } from './audit-api.module';

const INFRASTRUCTURE = Symbol('audit-api.Infrastructure');

/** Root-level, so Nest runs it after the audit log (deeper) has stopped feeding and signing. */
class CloseAdaptersLast implements OnApplicationShutdown {
  constructor(@Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure) {}

  async onApplicationShutdown(): Promise<void> {
    await this.infrastructure.store.close();
    await this.infrastructure.db.close();
  }
}

@Module({})
class AuditApiAppModule {
  static forRoot(infrastructure: Infrastructure, tracing: Tracing): DynamicModule {
    return {
      module: AuditApiAppModule,
      imports: [InfrastructureModule.forRoot(infrastructure), AuditApiModule, TracingModule.forRoot(tracing)],
      providers: [{ provide: INFRASTRUCTURE, useValue: infrastructure }, CloseAdaptersLast],
    };
  }
}

const main = async () => {
  const tracing = startTracing('multitrack-audit-api');
  const config = loadConfig(auditApiConfig);
  const db = await openPostgres({ connectionString: config.DATABASE_URL, applicationName: 'multitrack-audit-api' });
  const store =
    config.EVENT_STORE === 'eventstoredb'
      ? await openEventStore({ kind: 'eventstoredb', connectionString: config.EVENTSTORE_CONNECTION_STRING! })
      : await openEventStore({ kind: 'postgres', database: db });
  await bootstrapHttpApp(AuditApiAppModule.forRoot({ db, store, settings: config }, tracing), {
    config,
    name: 'audit-api',
    openApi: { title: 'Multitrack audit API', description: 'History, time travel, integrity, exports, the transparency log and reconciliation, for auditors.' },
  });
};

void main();
