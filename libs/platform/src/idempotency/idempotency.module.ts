import { DynamicModule, Module, ModuleMetadata } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import type { Database } from '@multitrack/database';
import { DATABASE } from '../infrastructure/tokens';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IDEMPOTENCY_OPTIONS, IdempotencyOptions } from './idempotency.options';
import { IdempotencyStore } from './idempotency.store';

export interface IdempotencyModuleOptions extends IdempotencyOptions {
  /** Modules that provide `DATABASE`, when it is not provided globally. */
  imports?: ModuleMetadata['imports'];
}

/**
 * `IdempotencyModule.forRoot()` makes every POST of the app honour `Idempotency-Key`. It needs
 * a `DATABASE` provider (the app's `Database`) and migrates its table at start-up.
 */
@Module({})
export class IdempotencyModule {
  static forRoot({ imports = [], ...options }: IdempotencyModuleOptions = {}): DynamicModule {
    return {
      module: IdempotencyModule,
      imports,
      providers: [
        { provide: IDEMPOTENCY_OPTIONS, useValue: options },
        {
          provide: IdempotencyStore,
          useFactory: (db: Database) => IdempotencyStore.open(db),
          inject: [DATABASE],
        },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
      exports: [IdempotencyStore],
    };
  }
}
