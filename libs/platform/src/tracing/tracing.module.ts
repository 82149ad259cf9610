import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import type { Tracing } from './start-tracing';

const TRACING = Symbol('multitrack.Tracing');

class FlushSpansOnShutdown implements OnApplicationShutdown {
  constructor(@Inject(TRACING) private readonly tracing: Tracing) {}

  async onApplicationShutdown(): Promise<void> {
    await this.tracing.shutdown();
  }
}

/** Imported by each `main.ts` so the spans of the last seconds reach the collector before exit. */
@Module({})
export class TracingModule {
  static forRoot(tracing: Tracing): DynamicModule {
    return {
      module: TracingModule,
      providers: [{ provide: TRACING, useValue: tracing }, FlushSpansOnShutdown],
    };
  }
}
