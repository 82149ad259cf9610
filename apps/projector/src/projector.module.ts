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
import type { MessageBus } from '@multitrack/messaging';
import { DATABASE, MESSAGE_BUS, Metrics, ReadinessChecks, retryStart } from '@multitrack/platform';
import { Projector } from './projector';
import { ProjectorSettings } from './projector.config';
import { exposeProjectorMetrics } from './projector.metrics';

/** Runs one projector per read model for the life of the app and reports them to `/health/ready`. */
@Injectable()
export class ProjectorRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly projectors: Projector[];
  private readonly logger = new Logger('Projector');

  constructor(
    @Inject(MESSAGE_BUS) bus: MessageBus | null,
    @Inject(DATABASE) db: Database,
    settings: ProjectorSettings,
    checks: ReadinessChecks,
    @Optional() metrics?: Metrics,
  ) {
    if (metrics) exposeProjectorMetrics(metrics.registry);
    if (!bus) throw new Error('the projector needs a message bus (KAFKA_BROKERS, or the in-process bus)');
    const logger = this.logger;
    this.projectors = settings.readModels.map(
      (model) =>
        new Projector(bus, db, model, {
          topicPrefix: settings.topicPrefix,
          // Stacks sharing a cluster under different prefixes must not share consumer groups either.
          groupPrefix: `${settings.topicPrefix}multitrack.projector.`,
          logger: { log: (message) => logger.log(message), error: (message) => logger.error(message) },
        }),
    );
    checks.register('projector', async () => {
      await Promise.all([bus.ping(), db.query('SELECT 1')]);
      const statuses = this.projectors.map((projector) => projector.status());
      const halted = statuses.flatMap((status) =>
        status.halted.map((h) => ({ readModel: status.readModel, ...h })),
      );
      if (halted.length > 0) {
        throw new Error(
          `stopped at a revision gap: ${halted.map((h) => `${h.readModel} ${h.topic}/${h.partition}@${h.offset} (${h.streamId} expected ${h.expectedRevision}, got ${h.receivedRevision})`).join('; ')}`,
        );
      }
      return Object.fromEntries(
        statuses.map((s) => [s.readModel, { position: s.position, lagSeconds: s.lagSeconds }]),
      );
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    // One after the other: the first creates the topics and waits for their leaders before the
    // others subscribe (in parallel they raced a fresh cluster's leader election).
    for (const projector of this.projectors) {
      await retryStart(
        () => projector.start(),
        () => projector.stop(),
        {
          onRetry: (error, attempt) =>
            this.logger.warn(
              `${projector.status().readModel}: start attempt ${attempt} failed (${error.message}); retrying`,
            ),
        },
      );
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.projectors.map((projector) => projector.stop()));
  }
}

/** Bus → read models. Needs the infrastructure providers (`InfrastructureModule`) and `ReadinessChecks`. */
@Module({})
export class ProjectorModule {
  static forRoot(settings: ProjectorSettings): DynamicModule {
    return {
      module: ProjectorModule,
      providers: [{ provide: ProjectorSettings, useValue: settings }, ProjectorRunner],
      exports: [ProjectorRunner],
    };
  }
}
