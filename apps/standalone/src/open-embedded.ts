import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { openPglite, openPgliteInWorker } from '@multitrack/database';
import { openEventStore } from '@multitrack/event-store';
import { createInProcessBus } from '@multitrack/messaging';
import { createPersonalDataVault, loadOrCreateMasterKey, parseMasterKey } from '@multitrack/personal-data';
import { Infrastructure } from '@multitrack/platform';
import { StandaloneConfig } from './standalone.config';

/**
 * The embedded default: one PGlite database in DATA_DIR (in a worker thread of its own, decision
 * 0233) holds events, read models, keys and idempotency records; an in-process bus stands in for
 * Kafka.
 */
export const openEmbedded = async (
  config: StandaloneConfig,
): Promise<{ infrastructure: Infrastructure; masterKey: Buffer }> => {
  const dataDir = config.DATA_DIR;
  await mkdir(dataDir, { recursive: true });
  const open = config.EMBEDDED_DATABASE_THREAD === 'worker' ? openPgliteInWorker : openPglite;
  const db = await open(join(dataDir, 'pglite'));
  const store = await openEventStore({ kind: 'pglite', database: db });
  const masterKey = config.PERSONAL_DATA_MASTER_KEY
    ? parseMasterKey(config.PERSONAL_DATA_MASTER_KEY, 'PERSONAL_DATA_MASTER_KEY')
    : await loadOrCreateMasterKey(dataDir);
  const vault = await createPersonalDataVault(db, masterKey);
  return { infrastructure: { db, store, bus: createInProcessBus(), vault }, masterKey };
};
