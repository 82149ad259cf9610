import { Database, migrate, Migration } from '@multitrack/database';
import { bookkeepingDdl } from './bookkeeping';
import type { ReadModel } from './read-model';

/** Version 1 of every read model: its schema and the bookkeeping tables; the model's own start at 2. */
export const migrationsOf = (model: ReadModel, schema: string): Migration[] => [
  {
    version: 1,
    name: 'schema and bookkeeping',
    sql: `CREATE SCHEMA IF NOT EXISTS ${schema}; ${bookkeepingDdl(schema)}`,
  },
  ...model.migrations(schema),
];

/** Creates or upgrades the live tables of a read model. */
export const installReadModel = (db: Database, model: ReadModel): Promise<void> =>
  migrate(db, `read-models.${model.name}`, migrationsOf(model, model.schema));

/** A fresh, empty copy of the model's tables in another schema (rebuilds, reconciliation). */
export const createScratchSchema = async (db: Database, model: ReadModel, schema: string): Promise<void> => {
  await db.transaction(async (tx) => {
    await tx.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    for (const migration of migrationsOf(model, schema)) await tx.exec(migration.sql);
  });
};

export const dropSchema = (db: Database, schema: string): Promise<void> =>
  db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
