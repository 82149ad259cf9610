import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Infrastructure, InfrastructureModule } from '@multitrack/platform';
import { CoordinationApiModule } from '../../coordination-api/src/coordination-api.module';

const INFRASTRUCTURE = Symbol('standalone.Infrastructure');

/**
 * Closes the adapters last: Nest runs shutdown hooks from the deepest module up, so this root-level
 * provider runs after every engine and controller has stopped using the store and the database.
 */
class CloseAdaptersLast implements OnApplicationShutdown {
  constructor(@Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure) {}

  async onApplicationShutdown(): Promise<void> {
    await this.infrastructure.bus?.close();
    await this.infrastructure.store.close();
    await this.infrastructure.db.close();
  }
}

/** Every app of Multitrack in one process (docs/decisions/0002-apps-compose-into-standalone.md). */
@Module({})
export class StandaloneModule {
  static forRoot(infrastructure: Infrastructure): DynamicModule {
    return {
      module: StandaloneModule,
      imports: [InfrastructureModule.forRoot(infrastructure), CoordinationApiModule],
      providers: [{ provide: INFRASTRUCTURE, useValue: infrastructure }, CloseAdaptersLast],
    };
  }
}
