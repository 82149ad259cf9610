import 'reflect-metadata';
import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { openPostgres } from '@multitrack/database';
import { openEventStore } from '@multitrack/event-store';
import { createPersonalDataVault, parseMasterKey } from '@multitrack/personal-data';
import { bootstrapHttpApp, Infrastructure, InfrastructureModule, loadConfig, startTracing, Tracing, TracingModule } from '@multitrack/platform';
import { coordinationApiConfig } from './coordination-api.config';
import { CoordinationApiModule } from './coordination-api.module';

const INFRASTRUCTURE = Symbol('coordination-api.Infrastructure');

/** Root-level, so Nest runs it after the feature modules stopped: the adapters go last. */
class CloseAdaptersLast implements OnApplicationShutdown {
  constructor(@Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure) {}

  async onApplicationShutdown(): Promise<void> {
    await this.infrastructure.store.close();
    await this.infrastructure.db.close();
  }
}

@Module({})
class CoordinationApiAppModule {
  static forRoot(infrastructure: Infrastructure, tracing: Tracing): DynamicModule {
    return {
      module: CoordinationApiAppModule,
      imports: [InfrastructureModule.forRoot(infrastructure), CoordinationApiModule, TracingModule.forRoot(tracing)],
      providers: [{ provide: INFRASTRUCTURE, useValue: infrastructure }, CloseAdaptersLast],
    };
  }
}

const main = async () => {
  const tracing = startTracing('multitrack-coordination-api');
  const config = loadConfig(coordinationApiConfig);
  // Already checked by the schema to be base64 of 32 bytes.
  const masterKey = parseMasterKey(config.PERSONAL_DATA_MASTER_KEY);
  const db = await openPostgres({ connectionString: config.DATABASE_URL, applicationName: 'multitrack-coordination-api' });
  const store =
    config.EVENT_STORE === 'eventstoredb'
      ? await openEventStore({ kind: 'eventstoredb', connectionString: config.EVENTSTORE_CONNECTION_STRING! })
      : await openEventStore({ kind: 'postgres', database: db });
  const vault = await createPersonalDataVault(db, masterKey);
  await bootstrapHttpApp(CoordinationApiAppModule.forRoot({ db, store, vault, settings: config }, tracing), {
    config,
    name: 'coordination-api',
    openApi: {
      title: 'Multitrack coordination API',
      description: 'Organisations, help requests, offers, matches and money, for officers and NGOs (shared/API.md v1).',
    },
  });
};

void main();
