import { DynamicModule, Inject, Module, ModuleMetadata, OnApplicationShutdown } from '@nestjs/common';
import { Infrastructure, InfrastructureModule } from './infrastructure.module';

const INFRASTRUCTURE = Symbol('multitrack.OwnedInfrastructure');

/**
 * Closes the adapters last: Nest runs shutdown hooks from the deepest module up, so this
 * root-level provider runs after every engine and controller has stopped using them.
 */
class CloseAdaptersLast implements OnApplicationShutdown {
  constructor(@Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure) {}

  async onApplicationShutdown(): Promise<void> {
    await this.infrastructure.bus?.close();
    await this.infrastructure.store?.close();
    await this.infrastructure.db.close();
  }
}

@Module({})
export class AppRootModule {
  /** The root of one process: the adapters `main.ts` opened, the app modules on top, closed in order. */
  static forRoot(
    infrastructure: Infrastructure,
    imports: NonNullable<ModuleMetadata['imports']>,
  ): DynamicModule {
    return {
      module: AppRootModule,
      imports: [InfrastructureModule.forRoot(infrastructure), ...imports],
      providers: [{ provide: INFRASTRUCTURE, useValue: infrastructure }, CloseAdaptersLast],
    };
  }
}
