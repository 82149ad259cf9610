import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createTestDatabase, type Database } from '@multitrack/database';
import { openEventStore, type EventStore } from '@multitrack/event-store';
import { createInProcessBus } from '@multitrack/messaging';
import { createPersonalDataVault, type PersonalDataVault } from '@multitrack/personal-data';
import { z } from 'zod';
import {
  createHttpApp,
  disbursementVariables,
  documentVariables,
  type HttpApp,
  idempotencyVariables,
  httpAppConfig,
  InfrastructureModule,
  parseConfig,
} from '@multitrack/platform';
import { readModels } from '@multitrack/read-models';
import { coordinationSettingsOf } from '../../../apps/coordination-api/src/coordination-api.config';
import { CoordinationApiModule } from '../../../apps/coordination-api/src/coordination-api.module';
import { Projector } from '../../../apps/projector/src/projector';
import { Relay } from '../../../apps/relay/src/relay';
import { AUTH } from './tokens';

export type StorageKind = 'pglite' | 'postgres';

export interface CoordinationApp {
  kind: StorageKind;
  url: string;
  /** The PostgreSQL server's throwaway database, for child processes (absent on PGlite). */
  databaseUrl?: string;
  db: Database;
  store: EventStore;
  vault: PersonalDataVault;
  close(): Promise<void>;
}

/**
 * The coordination API as it runs, on a real port, over a throwaway database of the given kind,
 * with the relay and one projector per read model on an in-process bus, so GETs see writes the
 * way they do in production: eventually (use `?minRevision=`). `settings` override the HTTP
 * variables (e.g. RATE_LIMIT_PER_MINUTE, off by default).
 */
export const startCoordinationApp = async (
  kind: StorageKind,
  settings: Record<string, string> = {},
): Promise<CoordinationApp> => {
  const testDb = await createTestDatabase(kind);
  const { db } = testDb;
  const store = await openEventStore({ kind, database: db, pollIntervalMs: 10 });
  const masterKey = randomBytes(32);
  const vault = await createPersonalDataVault(db, masterKey);
  const bus = createInProcessBus({ partitions: 2 });
  const relay = new Relay(store, bus, db, { lingerMs: 1 });
  const projectors = readModels.map((model) => new Projector(bus, db, model));
  for (const projector of projectors) await projector.start();
  await relay.start();
  const config = parseConfig(httpAppConfig, {
    AUTH_JWT_SECRET: AUTH.secret,
    AUTH_ISSUER: AUTH.issuer,
    AUTH_AUDIENCE: AUTH.audience,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '0',
    ...settings,
  });
  // Where the embedded default keeps documents (the PostgreSQL server keeps them in rows).
  const dataDir = await mkdtemp(join(tmpdir(), 'multitrack-coordination-'));
  const app: HttpApp = await createHttpApp(
    {
      module: CoordinationApiModule,
      imports: [
        InfrastructureModule.forRoot({ db, store, vault, bus }),
        CoordinationApiModule.forRoot(
          coordinationSettingsOf(
            parseConfig(
              z.object({
                ...disbursementVariables,
                ...idempotencyVariables,
                ...documentVariables,
                DATA_DIR: z.string(),
              }),
              { DATA_DIR: dataDir, ...settings },
            ),
            masterKey,
          ),
        ),
      ],
    },
    { config, openApi: { title: 'Multitrack coordination API (test)' }, name: 'coordination-api' },
  );
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    kind,
    url,
    databaseUrl: testDb.url,
    db,
    store,
    vault,
    async close() {
      await app.close();
      await relay.stop();
      for (const projector of projectors) await projector.stop();
      await store.close();
      await testDb.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
};
