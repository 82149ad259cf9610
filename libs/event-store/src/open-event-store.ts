import { Database, openPglite, openPostgres } from '@multitrack/database';
import { EventStore } from './event-store.port';
import { openEventStoreDb } from './eventstoredb/eventstoredb.event-store';
import { migrateEventStore } from './postgres/event-store.migrations';
import { createPostgresEventStore } from './postgres/postgres.event-store';
import { guardConnection } from './postgres/unavailable';
import { Upcaster } from './upcasting';

interface Common {
  /** Defaults to `defaultUpcasters`. */
  upcasters?: readonly Upcaster[];
}

/** The PostgreSQL server or PGlite: an open `Database` shared with the rest of the process, or where to open one. */
type SqlTarget =
  | { database: Database }
  | { kind: 'postgres'; url: string; maxConnections?: number }
  | { kind: 'pglite'; dataDir?: string };

export type EventStoreSettings =
  | (Common & { kind: 'eventstoredb'; connectionString: string })
  | (Common & { kind: 'postgres' | 'pglite'; pollIntervalMs?: number } & SqlTarget);

/**
 * Opens the adapter the settings name. For PostgreSQL and PGlite the schema is migrated first; a
 * `Database` passed in stays open when the store closes (its owner closes it).
 */
export const openEventStore = async (settings: EventStoreSettings): Promise<EventStore> => {
  if (settings.kind === 'eventstoredb')
    return openEventStoreDb(settings.connectionString, { upcasters: settings.upcasters });
  const owned = !('database' in settings);
  const db =
    'database' in settings
      ? settings.database
      : await guardConnection(() =>
          'url' in settings
            ? openPostgres({
                connectionString: settings.url,
                maxConnections: settings.maxConnections,
                applicationName: 'multitrack-event-store',
              })
            : openPglite(settings.dataDir),
        );
  await guardConnection(() => migrateEventStore(db));
  return createPostgresEventStore(db, {
    upcasters: settings.upcasters,
    pollIntervalMs: settings.pollIntervalMs,
    ownsDatabase: owned,
  });
};
