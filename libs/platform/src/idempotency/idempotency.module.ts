import { DynamicModule, Module, ModuleMetadata, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { APP_INTERCEPTOR, HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import type { Database } from '@multitrack/database';
import { DATABASE } from '../infrastructure/tokens';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IDEMPOTENCY_OPTIONS, IdempotencyOptions } from './idempotency.options';
import { DEFAULT_RETENTION_HOURS, IdempotencyStore } from './idempotency.store';
import { keepCapturedAnswer } from './response-capture';

export interface IdempotencyModuleOptions extends IdempotencyOptions {
  /** Modules that provide `DATABASE`, when it is not provided globally. */
  imports?: ModuleMetadata['imports'];
}

/**
 * `IdempotencyModule.forRoot()` makes every POST of the app honour `Idempotency-Key`. It needs
 * a `DATABASE` provider (the app's `Database`) and migrates its table at start-up. The answer is
 * kept on its way out, in Fastify's `onSend` (hooks added before the server is ready apply to
 * every route).
 */
@Module({})
export class IdempotencyModule implements OnModuleInit, OnModuleDestroy {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly store: IdempotencyStore,
  ) {}

  onModuleDestroy(): void {
    this.store.close();
  }

  onModuleInit(): void {
    (this.adapterHost.httpAdapter.getInstance() as FastifyInstance).addHook('onSend', keepCapturedAnswer);
  }

  static forRoot({ imports = [], ...options }: IdempotencyModuleOptions): DynamicModule {
    return {
      module: IdempotencyModule,
      imports,
      providers: [
        { provide: IDEMPOTENCY_OPTIONS, useValue: options },
        {
          provide: IdempotencyStore,
          useFactory: (db: Database) =>
            IdempotencyStore.open(db, options.retentionHours ?? DEFAULT_RETENTION_HOURS),
          inject: [DATABASE],
        },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
      exports: [IdempotencyStore],
    };
  }
}
