export { IdempotencyModule, IdempotencyModuleOptions } from './idempotency.module';
export { IdempotencyInterceptor } from './idempotency.interceptor';
export { IdempotencyOptions, idempotencyHashKeyOf } from './idempotency.options';
export { IdempotencyStore, IdempotencyRecord, StoredResponse } from './idempotency.store';
export { IdempotencyScope, routeOf, requestHashOf } from './idempotent-request';
export { readIdempotencyKey } from './idempotency-key';
export { idempotencyMigrations } from './idempotency.migrations';
