import 'reflect-metadata';
import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { openPostgres } from '@multitrack/database';
import { openEventStore } from '@multitrack/event-store';
import { createKafkaBus } from '@multitrack/messaging';
import { bootstrapHttpApp, Infrastructure, InfrastructureModule, loadConfig, startTracing, Tracing, TracingModule } from '@multitrack/platform';
import { relayConfig } from './relay.config';
import { RelayModule } from './relay.module';

const INFRASTRUCTURE = Symbol('relay.Infrastructure');

/** Root-level, so Nest runs it after the relay (deeper) has stopped. */
class CloseAdaptersLast implements OnApplicationShutdown {
  constructor(@Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure) {}

  async onApplicationShutdown(): Promise<void> {
    await this.infrastructure.bus?.close();
    await this.infrastructure.store.close();
    await this.infrastructure.db.close();
  }
}

@Module({})
class RelayAppModule {
  static forRoot(infrastructure: Infrastructure, tracing: Tracing): DynamicModule {
    return {
      module: RelayAppModule,
      imports: [InfrastructureModule.forRoot(infrastructure), RelayModule, TracingModule.forRoot(tracing)],
      providers: [{ provide: INFRASTRUCTURE, useValue: infrastructure }, CloseAdaptersLast],
    };
  }
}

const main = async () => {
  const tracing = startTracing('multitrack-relay');
  const config = loadConfig(relayConfig);
  const db = await openPostgres({ connectionString: config.DATABASE_URL, applicationName: 'multitrack-relay' });
  const store =
    config.EVENT_STORE === 'eventstoredb'
      ? await openEventStore({ kind: 'eventstoredb', connectionString: config.EVENTSTORE_CONNECTION_STRING! })
      : await openEventStore({ kind: 'postgres', database: db });
  const bus = createKafkaBus({ brokers: config.KAFKA_BROKERS, clientId: 'multitrack-relay', partitions: config.KAFKA_PARTITIONS });
  await bootstrapHttpApp(RelayAppModule.forRoot({ db, store, bus, settings: config }, tracing), {
    config,
    name: 'relay',
    openApi: { title: 'Multitrack relay', description: 'Event store → Kafka, in global order, at least once. Health and metrics only.' },
  });
};

void main();
