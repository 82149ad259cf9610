import 'reflect-metadata';
import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Database, openPostgres } from '@multitrack/database';
import { createKafkaBus, MessageBus } from '@multitrack/messaging';
import { APP_SETTINGS, bootstrapHttpApp, DATABASE, loadConfig, MESSAGE_BUS, startTracing, Tracing, TracingModule } from '@multitrack/platform';
import { projectorConfig } from './projector.config';
import { ProjectorModule } from './projector.module';

/** Root-level, so Nest runs it after the projectors (deeper) have stopped. */
class CloseAdaptersLast implements OnApplicationShutdown {
  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(DATABASE) private readonly db: Database,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.bus.close();
    await this.db.close();
  }
}

// The projector needs no event store (rebuilds read it from the CLI), so it provides only what it uses.
@Module({})
class ProjectorAppModule {
  static forRoot(db: Database, bus: MessageBus, settings: object, tracing: Tracing): DynamicModule {
    const providers = [
      { provide: DATABASE, useValue: db },
      { provide: MESSAGE_BUS, useValue: bus },
      { provide: APP_SETTINGS, useValue: settings },
    ];
    return {
      module: ProjectorAppModule,
      global: true,
      imports: [ProjectorModule, TracingModule.forRoot(tracing)],
      providers: [...providers, CloseAdaptersLast],
      exports: providers.map((provider) => provider.provide),
    };
  }
}

const main = async () => {
  const tracing = startTracing('multitrack-projector');
  const config = loadConfig(projectorConfig);
  const db = await openPostgres({ connectionString: config.DATABASE_URL, applicationName: 'multitrack-projector' });
  const bus = createKafkaBus({ brokers: config.KAFKA_BROKERS, clientId: 'multitrack-projector', partitions: config.KAFKA_PARTITIONS });
  await bootstrapHttpApp(ProjectorAppModule.forRoot(db, bus, config, tracing), {
    config,
    name: 'projector',
    openApi: { title: 'Multitrack projector', description: 'Kafka → PostgreSQL read models, idempotent and rebuildable. Health and metrics only.' },
  });
};

void main();
