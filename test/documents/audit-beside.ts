import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import {
  createHttpApp,
  httpAppConfig,
  InfrastructureModule,
  parseConfig,
  type HttpApp,
} from '@multitrack/platform';
import { generateSigningKey } from '@multitrack/transparency-log';
import { AuditApiModule } from '../../apps/audit-api/src/audit-api.module';
import { auditModuleSettings, AuditSettings } from '../../apps/audit-api/src/audit-settings';
import { AuditLog } from '../../apps/audit-api/src/transparency/audit-log.service';
import { AUTH, type CoordinationApp } from '../coordination/support';

export interface AuditBeside {
  url: string;
  /** Waits until the transparency log holds every event so far, and signs a checkpoint of it. */
  settle(): Promise<void>;
  /** `npm run audit -- …` as an auditor would run it, against this audit API. */
  cli(args: string[], token: string): Promise<{ code: number; stdout: string; stderr: string }>;
  close(): Promise<void>;
}

const root = join(__dirname, '../..');

/**
 * The audit API on the coordination app's own database and store, as the standalone process and
 * the real stack run them: it signs checkpoints of the events the coordination API appends.
 */
export const auditBeside = async (coordination: CoordinationApp): Promise<AuditBeside> => {
  const dataDir = await mkdtemp(join(tmpdir(), 'documents-audit-'));
  const settings = new AuditSettings(
    parseConfig(auditModuleSettings, {
      DATA_DIR: dataDir,
      AUDIT_CHECKPOINT_INTERVAL_S: '3600',
      ...(coordination.kind === 'postgres' && { AUDIT_SIGNING_KEY: generateSigningKey() }),
    }),
  );
  @Module({
    imports: [
      InfrastructureModule.forRoot({ db: coordination.db, store: coordination.store }),
      AuditApiModule.forRoot(settings),
    ],
  })
  class Root {}
  const app: HttpApp = await createHttpApp(Root, {
    // Parsed as an app's environment, so every variable added later keeps its default.
    config: parseConfig(httpAppConfig, {
      LOG_LEVEL: 'silent',
      RATE_LIMIT_PER_MINUTE: '0',
      RATE_LIMIT_HOLD_MS: '0',
      AUTH_JWT_SECRET: AUTH.secret,
      AUTH_ISSUER: AUTH.issuer,
      AUTH_AUDIENCE: AUTH.audience,
    }),
    openApi: { title: 'audit beside the documents test', description: 'test' },
  });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const log = app.get(AuditLog);
  return {
    url,
    async settle() {
      const { rows } = await coordination.db.query<{ count: number }>(
        'SELECT count(*)::int AS count FROM events',
      );
      await log.feeder.reached(rows[0].count);
      await log.checkpointNow();
    },
    cli: (args, token) =>
      new Promise((resolve) =>
        execFile(
          'node',
          ['-r', '@swc-node/register', 'apps/audit-api/src/cli/main.ts', ...args],
          { cwd: root, env: { ...process.env, AUDIT_API_URL: url, AUDIT_TOKEN: token } },
          (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
        ),
      ),
    async close() {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
};
