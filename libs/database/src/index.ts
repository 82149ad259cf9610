export * from './database.port';
export { openPostgres, PostgresOptions } from './postgres.database';
export { openPglite } from './pglite.database';
export { migrate, Migration } from './migrations';
export { openDatabase, DatabaseSettings } from './open-database';
export { createTestDatabase, TestDatabase } from './testing/test-database';
