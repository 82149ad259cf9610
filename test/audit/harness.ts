import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module } from '@nestjs/common';

import { Role, signDevelopmentToken } from '@multitrack/auth';
import { createTestDatabase, Database, TestDatabase } from '@multitrack/database';
import { EventStore, openEventStore } from '@multitrack/event-store';
import { createHttpApp, InfrastructureModule, parseConfig, type HttpApp } from '@multitrack/platform';
import { generateSigningKey } from '@multitrack/transparency-log';
import { AuditApiModule } from '../../apps/audit-api/src/audit-api.module';
import { auditModuleSettings, AuditSettings } from '../../apps/audit-api/src/audit-settings';
import { AuditLog } from '../../apps/audit-api/src/transparency/audit-log.service';

const secret = 'audit-test-secret-that-is-long-enough-0123456789';

export interface AuditApp {
  db: Database;
  /** The PostgreSQL test database's URL (unset on PGlite), for a second connection. */
  databaseUrl?: string;
  store: EventStore;
  app: HttpApp;
  log: AuditLog;
  url: string;
  token(role: Role, sub?: string): Promise<string>;
  get(path: string, role?: Role | null): Promise<Response>;
  /** Waits until the transparency log holds every event appended so far, and signs a checkpoint of it. */
  settle(): Promise<number>;
  /** Stops this app and starts another on the same database, store and data directory (a restart with other settings). */
  reopen(settings: Record<string, unknown>): Promise<AuditApp>;
  close(): Promise<void>;
}

type Kind = 'postgres' | 'pglite' | 'eventstoredb';

interface Backing {
  kind: Kind;
  test: TestDatabase;
  store: EventStore;
  dataDir: string;
}

/**
 * The audit API in this process on a fresh database. `eventstoredb` keeps events on the server
 * that EVENTSTORE_CONNECTION_STRING names (the rest on a PostgreSQL test database); `settle` counts
 * SQL rows, so it is for the SQL adapters only. On a database server the log's signing key is
 * given (AUDIT_SIGNING_KEY), as the real stack must; a setting of `undefined` unsets a default.
 */
export const openAuditApp = async (kind: Kind, settings: Record<string, unknown> = {}): Promise<AuditApp> => {
  const test = await createTestDatabase(kind === 'pglite' ? 'pglite' : 'postgres');
  const dataDir = await mkdtemp(join(tmpdir(), 'audit-test-'));
  const store =
    kind === 'eventstoredb'
      ? await openEventStore({ kind, connectionString: process.env.EVENTSTORE_CONNECTION_STRING ?? '' })
      : await openEventStore({ kind, database: test.db, pollIntervalMs: 20 });
  const server = kind === 'pglite' ? {} : { AUDIT_SIGNING_KEY: generateSigningKey() };
  return startAuditApp({ kind, test, store, dataDir }, { ...server, ...settings });
};

/** Settings as the environment gives them: strings, with `undefined` for unset. */
const stringsOf = (settings: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(settings).map(([key, value]) => [key, value === undefined ? undefined : String(value)]),
  );

const startAuditApp = async (backing: Backing, settings: Record<string, unknown>): Promise<AuditApp> => {
  const { test, store, dataDir } = backing;
  const auditSettings = new AuditSettings(
    parseConfig(
      auditModuleSettings,
      stringsOf({ DATA_DIR: dataDir, AUDIT_CHECKPOINT_INTERVAL_S: 3600, ...settings }),
    ),
  );
  @Module({
    imports: [InfrastructureModule.forRoot({ db: test.db, store }), AuditApiModule.forRoot(auditSettings)],
  })
  class Root {}
  const config = {
    PORT: 0,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent' as const,
    RATE_LIMIT_PER_MINUTE: 0,
    RATE_LIMIT_HOLD_MS: 0,
    TRUST_PROXY: false,
    METRICS_PUBLIC: false,
    AUTH_JWT_SECRET: secret,
  };
  const app = await createHttpApp(Root, { config, openApi: { title: 'audit test', description: 'test' } });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const log = app.get(AuditLog);
  const token = (role: Role, sub = `${role}-1`) =>
    signDevelopmentToken({
      secret,
      sub,
      roles: [role],
      ttlSeconds: 600,
      ...(role === 'ngo' ? { org: 'US-EIN-100001' } : {}),
    });
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
    async reopen(next) {
      await app.close();
      return startAuditApp(backing, next);
    },
    async close() {
      await app.close();
      await store.close();
      await test.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
};
