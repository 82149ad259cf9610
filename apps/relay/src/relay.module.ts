import {
  DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import type { Database } from '@multitrack/database';
import type { EventStore } from '@multitrack/event-store';
import type { MessageBus } from '@multitrack/messaging';
import {
  DATABASE,
  EVENT_STORE,
  MESSAGE_BUS,
  Metrics,
  ReadinessChecks,
  retryStart,
} from '@multitrack/platform';
import { Relay } from './relay';
import { RelaySettings } from './relay.config';
import { exposeRelayMetrics } from './relay.metrics';

/** Runs the relay for the life of the app and reports it to `/health/ready`. */
@Injectable()
export class RelayRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly relay: Relay;
  private readonly logger = new Logger('Relay');

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(MESSAGE_BUS) bus: MessageBus | null,
    @Inject(DATABASE) db: Database,
    settings: RelaySettings,
    checks: ReadinessChecks,
    @Optional() metrics?: Metrics,
  ) {
    if (metrics) exposeRelayMetrics(metrics.registry);
    if (!bus) throw new Error('the relay needs a message bus (KAFKA_BROKERS, or the in-process bus)');
    const logger = this.logger;
    this.relay = new Relay(store, bus, db, {
      batchSize: settings.batchSize,
      lingerMs: settings.lingerMs,
      topicPrefix: settings.topicPrefix,
      logger: { log: (message) => logger.log(message), error: (message) => logger.error(message) },
    });
    checks.register('relay', async () => {
      await Promise.all([store.ping(), bus.ping()]);
      const status = this.relay.status();
      if (!status.running) throw new Error(`relay stopped${status.lastError ? `: ${status.lastError}` : ''}`);
      return {
        position: status.position,
        lagEvents: status.lagEvents,
        lagSeconds: status.lagSeconds,
        lastError: status.lastError,
      };
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return retryStart(
      () => this.relay.start(),
      () => this.relay.stop(),
      {
        onRetry: (error, attempt) =>
          this.logger.warn(`start attempt ${attempt} failed (${error.message}); retrying`),
      },
    );
  }

  onApplicationShutdown(): Promise<void> {
    return this.relay.stop();
  }
}

/** Event store → bus. Needs the infrastructure providers (`InfrastructureModule`) and `ReadinessChecks`. */
@Module({})
export class RelayModule {
  static forRoot(settings: RelaySettings): DynamicModule {
    return {
      module: RelayModule,
      providers: [{ provide: RelaySettings, useValue: settings }, RelayRunner],
      exports: [RelayRunner],
    };
  }
}
