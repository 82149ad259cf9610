import { openPostgres } from '@multitrack/database';
import { openEventStore } from '@multitrack/event-store';
import { createKafkaBus } from '@multitrack/messaging';
import { createPersonalDataVault, parseMasterKey } from '@multitrack/personal-data';
import { Infrastructure } from './infrastructure.module';

/** The variables of the real stack this function reads; each app's schema has already checked them. */
export interface ServerSettings {
  DATABASE_URL: string;
  EVENT_STORE?: 'postgres' | 'eventstoredb';
  EVENTSTORE_CONNECTION_STRING?: string;
  KAFKA_BROKERS?: string[];
  KAFKA_PARTITIONS?: number;
  PERSONAL_DATA_MASTER_KEY?: string;
  /** How often a subscriber looks for events other processes appended (the relay's idle lag). */
  EVENT_STORE_POLL_MS?: number;
}

export interface ServerNeeds {
  /** Whether this process reads or appends events (all but the projector). */
  store?: boolean;
  bus?: boolean;
  vault?: boolean;
}

/**
 * The adapters of one real-stack process: the PostgreSQL server (read models, keys, idempotency,
 * and the events unless EventStoreDB holds them), and only the other parts the app uses.
 */
export const openServerInfrastructure = async (
  app: string,
  settings: ServerSettings,
  needs: ServerNeeds,
): Promise<Infrastructure> => {
  const db = await openPostgres({
    connectionString: settings.DATABASE_URL,
    applicationName: `multitrack-${app}`,
  });
  const store = !needs.store
    ? undefined
    : settings.EVENT_STORE === 'eventstoredb'
      ? await openEventStore({
          kind: 'eventstoredb',
          connectionString: settings.EVENTSTORE_CONNECTION_STRING as string,
        })
      : await openEventStore({
          kind: 'postgres',
          database: db,
          pollIntervalMs: settings.EVENT_STORE_POLL_MS,
        });
  const bus = needs.bus
    ? createKafkaBus({
        brokers: settings.KAFKA_BROKERS ?? [],
        clientId: `multitrack-${app}`,
        partitions: settings.KAFKA_PARTITIONS,
      })
    : undefined;
  const vault = needs.vault
    ? await createPersonalDataVault(
        db,
        parseMasterKey(settings.PERSONAL_DATA_MASTER_KEY ?? '', 'PERSONAL_DATA_MASTER_KEY'),
      )
    : undefined;
  return { db, store, bus, vault };
};
