import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Role, signDevelopmentToken } from '@multitrack/auth';
import { createTestDatabase, Database } from '@multitrack/database';
import { EventStore, openEventStore } from '@multitrack/event-store';
import { createHttpApp, InfrastructureModule } from '@multitrack/platform';
import { AuditApiModule } from '../../apps/audit-api/src/audit-api.module';
import { AuditLog } from '../../apps/audit-api/src/transparency/audit-log.service';

const secret = 'audit-test-secret-that-is-long-enough-0123456789';

export interface AuditApp {
  db: Database;
  /** The PostgreSQL test database's URL (unset on PGlite), for a second connection. */
  databaseUrl?: string;
  store: EventStore;
  app: NestExpressApplication;
  log: AuditLog;
  url: string;
  token(role: Role, sub?: string): Promise<string>;
  get(path: string, role?: Role | null): Promise<Response>;
  /** Waits until the transparency log holds every event appended so far, and signs a checkpoint of it. */
  settle(): Promise<number>;
  close(): Promise<void>;
}

/**
 * The audit API in this process on a fresh database. `eventstoredb` keeps events on the server
 * that EVENTSTORE_CONNECTION_STRING names (the rest on a PostgreSQL test database); `settle` counts
 * SQL rows, so it is for the SQL adapters only.
 */
export const openAuditApp = async (kind: 'postgres' | 'pglite' | 'eventstoredb', settings: Record<string, unknown> = {}): Promise<AuditApp> => {
  const test = await createTestDatabase(kind === 'pglite' ? 'pglite' : 'postgres');
  const dataDir = await mkdtemp(join(tmpdir(), 'audit-test-'));
  const store =
    kind === 'eventstoredb'
      ? await openEventStore({ kind, connectionString: process.env.EVENTSTORE_CONNECTION_STRING ?? '' })
      : await openEventStore({ kind, database: test.db, pollIntervalMs: 20 });
  @Module({ imports: [InfrastructureModule.forRoot({ db: test.db, store, settings: { DATA_DIR: dataDir, AUDIT_CHECKPOINT_INTERVAL_S: 3600, ...settings } }), AuditApiModule] })
  class Root {}
  const config = { PORT: 0, HOST: '127.0.0.1', LOG_LEVEL: 'silent' as const, RATE_LIMIT_PER_MINUTE: 0, RATE_LIMIT_HOLD_MS: 0, AUTH_JWT_SECRET: secret };
  const app = await createHttpApp(Root, { config, openApi: { title: 'audit test', description: 'test' } });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const log = app.get(AuditLog);
  const token = (role: Role, sub = `${role}-1`) =>
    signDevelopmentToken({ secret, sub, roles: [role], ttlSeconds: 600, ...(role === 'ngo' ? { org: 'US-EIN-100001' } : {}) });
  // Counted in the table, not through readAll: a transaction open elsewhere on the shared server
  // holds the gap-free global log back for a moment, and settle() must wait for every event.
  const lastEventCount = async () => {
    const { rows } = await test.db.query<{ count: number }>('SELECT count(*)::int AS count FROM events');
    return rows[0].count;
  };
  return {
    db: test.db,
    databaseUrl: test.url,
    store,
    app,
    log,
    url,
    token,
    async get(path, role: Role | null = 'auditor') {
      const headers: Record<string, string> = role ? { authorization: `Bearer ${await token(role)}` } : {};
      return fetch(`${url}${path}`, { headers });
    },
    async settle() {
      const size = await lastEventCount();
      await log.feeder.reached(size);
      await log.checkpointNow();
      return size;
    },
    async close() {
      await app.close();
      await store.close();
      await test.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
};
