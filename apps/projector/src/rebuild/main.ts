import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { Database, openDatabase, SqlExecutor } from '@multitrack/database';
import { openEventStore, type EventStore } from '@multitrack/event-store';
import { loadConfig, storageVariables } from '@multitrack/platform';
import { rebuildReadModels } from '@multitrack/read-models';
import { formatProgress, projectionsFrom } from './rebuild-arguments';

/**
 * `npm run projections:rebuild [-- --projection NAME]`: rebuilds read models from the event store
 * (not Kafka) beside the live ones and swaps them in; queries keep answering. With DATABASE_URL
 * it works on the real stack while everything runs; without, on the embedded PGlite in DATA_DIR,
 * which only one process can open: stop `npm start` first.
 */
const rebuildConfig = z.object({
  DATABASE_URL: storageVariables.DATABASE_URL,
  DATA_DIR: storageVariables.DATA_DIR,
  EVENT_STORE: storageVariables.EVENT_STORE,
  EVENTSTORE_CONNECTION_STRING: storageVariables.EVENTSTORE_CONNECTION_STRING,
});

/** The relay's checkpoint is close to the head of the log: good enough for an ETA. */
const headPosition = async (db: SqlExecutor): Promise<number | undefined> => {
  const exists = await db.query<{ found: string | null }>(
    `SELECT to_regclass('relay_checkpoints')::text AS found`,
  );
  if (!exists.rows[0]?.found) return undefined;
  const { rows } = await db.query<{ position: number | null }>(
    'SELECT max(position) AS position FROM relay_checkpoints',
  );
  return rows[0]?.position ?? undefined;
};

const openStore = (config: z.output<typeof rebuildConfig>, db: Database): Promise<EventStore> =>
  config.EVENT_STORE === 'eventstoredb'
    ? openEventStore({ kind: 'eventstoredb', connectionString: config.EVENTSTORE_CONNECTION_STRING! })
    : openEventStore({ kind: db.kind, database: db });

const main = async () => {
  const models = projectionsFrom(process.argv.slice(2));
  const config = loadConfig(rebuildConfig);
  if (!config.DATABASE_URL) await mkdir(resolve(config.DATA_DIR), { recursive: true });
  const db = await openDatabase(
    config.DATABASE_URL
      ? { kind: 'postgres', url: config.DATABASE_URL, applicationName: 'multitrack-rebuild' }
      : { kind: 'pglite', dataDir: join(resolve(config.DATA_DIR), 'pglite') },
  );
  const store = await openStore(config, db);
  try {
    // One pass over the log feeds every chosen model; each is then swapped in on its own.
    const began = Date.now();
    const reached = await rebuildReadModels(store, db, models, {
      headPosition: await headPosition(db),
      onProgress: (progress) => process.stdout.write(`${formatProgress(progress)}\n`),
    });
    const seconds = (Date.now() - began) / 1000;
    for (const [i, model] of models.entries()) {
      const poisoned = reached[i].poisoned;
      process.stdout.write(
        `${model.name}: rebuilt from ${reached[i].events} events and swapped in` +
          `${poisoned ? ` (${poisoned} poison events skipped, as the projector dead-letters them)` : ''}\n`,
      );
    }
    const events = reached[0]?.events ?? 0;
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    process.stdout.write(
      `rebuilt ${models.length} read model(s) from ${events} events in ${seconds.toFixed(1)}s ` +
        `(${Math.round(events / Math.max(seconds, 0.001))} events/s, peak RSS ${peakRssMb} MB)\n`,
    );
  } finally {
    await store.close();
    await db.close();
  }
};

main().catch((error) => {
  process.stderr.write(`rebuild failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
