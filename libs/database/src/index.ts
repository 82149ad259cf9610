export * from './database.port';
export { openPostgres, PostgresOptions } from './postgres.database';
export { openPglite } from './pglite.database';
export { migrate, Migration } from './migrations';
export { openDatabase, DatabaseSettings } from './open-database';
export { createTestDatabase, TestDatabase, TestDatabaseKind } from './testing/test-database';
export { openPgliteInWorker } from './pglite-worker/open-pglite-in-worker';
