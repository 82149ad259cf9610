/**
 * Applies every module's database migrations, then exits: the step a deployment runs once before
 * rolling out a new version (deploy/k8s migration Job, the compose `migrate` service), so that
 * replicas never race a long migration at start-up. The apps still migrate at start as before
 * (under the same advisory lock), so running them without this step stays correct.
 *
 *   DATABASE_URL=postgres://… [EVENT_STORE=postgres|eventstoredb] npm run migrate
 */
import { migrate, openPostgres } from '@multitrack/database';
import { DocumentCatalog, postgresDocumentBytes } from '@multitrack/documents';
import { migrateEventStore } from '@multitrack/event-store';
import { personalDataMigrations } from '@multitrack/personal-data';
import { IdempotencyStore, loadConfig, storageVariables } from '@multitrack/platform';
import { installReadModel, readModels } from '@multitrack/read-models';
import { migrateTransparencyLog } from '@multitrack/transparency-log';
import { z } from 'zod';
import { migrateLeafPositions } from '../apps/audit-api/src/transparency/leaf-positions';
import { installRelayCheckpoints } from '../apps/relay/src/relay-checkpoints';
import { migrateWebhooks } from '../apps/webhooks/src/webhooks.migrations';

const migrateConfig = z.object({
  DATABASE_URL: storageVariables.DATABASE_URL.unwrap(),
  EVENT_STORE: z.enum(['postgres', 'eventstoredb']).default('postgres'),
});

const main = async () => {
  const config = loadConfig(migrateConfig);
  const db = await openPostgres({
    connectionString: config.DATABASE_URL,
    applicationName: 'multitrack-migrate',
    maxConnections: 2,
  });
  try {
    if (config.EVENT_STORE === 'postgres') await migrateEventStore(db);
    await IdempotencyStore.open(db);
    for (const model of readModels) await installReadModel(db, model);
    await migrateTransparencyLog(db);
    await migrateLeafPositions(db);
    await installRelayCheckpoints(db);
    await migrateWebhooks(db);
    await migrate(db, 'personal-data', personalDataMigrations);
    // Opening the evidence documents' catalog and byte store applies their migrations.
    await DocumentCatalog.open(db);
    await postgresDocumentBytes(db);
    const { rows } = await db.query<{ modules: number; versions: number }>(
      'SELECT count(DISTINCT module)::int AS modules, count(*)::int AS versions FROM schema_migrations',
    );
    process.stdout.write(`migrate: ${rows[0].modules} modules at ${rows[0].versions} migrations in all\n`);
  } finally {
    await db.close();
  }
};

main().catch((error: unknown) => {
  process.stderr.write(`migrate: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
