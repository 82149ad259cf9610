import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase, TestDatabase } from '@multitrack/database';
import { generateSigningKey, loadSigner, parseCheckpoint, verifyNote } from '@multitrack/transparency-log';
import { freePort } from '../../bench/support/free-port';
import { AuditApp, openAuditApp } from './harness';
import { seedFundingStory } from './seed';

jest.setTimeout(120_000);

const root = path.resolve(__dirname, '../..');
const origin = 'multitrack.example/audit-log';

interface PublicKeyPeriod {
  name: string;
  algorithm: string;
  publicKey: string;
  firstTreeSize: number;
  lastTreeSize?: number;
}

const publicKeyOf = (privateKey: string) =>
  loadSigner({ name: origin, privateKeyPkcs8Base64: privateKey }).publicKey.toString('base64');

/** The signed note at `treeSize`, and whether each of `keys` verifies it. */
const verifiedBy = async (audit: AuditApp, treeSize: number, keys: PublicKeyPeriod[]) => {
  const note = await (await audit.get(`/v1/audit/checkpoints/${treeSize}`)).text();
  return keys.map((key) => verifyNote(note, { name: key.name, publicKey: key.publicKey }).valid);
};

const keyHistory = async (audit: AuditApp): Promise<PublicKeyPeriod[]> =>
  ((await (await audit.get('/v1/audit/public-keys', 'witness')).json()) as { items: PublicKeyPeriod[] })
    .items;

describe('the signing key held apart from the log, and its history across a rotation', () => {
  it.each(['postgres', 'pglite'] as const)(
    'on %s: keeps old checkpoints verifiable under the old key and the latest under the new one',
    async (kind) => {
      const [first, second] = [generateSigningKey(), generateSigningKey()];
      let audit = await openAuditApp(kind, { AUDIT_SIGNING_KEY: first });
      try {
        await seedFundingStory(audit.store, 1);
        const early = await audit.settle();
        audit = await audit.reopen({ AUDIT_SIGNING_KEY: second });
        await audit.log.checkpointNow();

        // The latest checkpoint is handed over: the key published now verifies it at once.
        const current = (await (await audit.get('/v1/audit/public-key')).json()) as { publicKey: string };
        expect(current.publicKey).toBe(publicKeyOf(second));
        expect(await keyHistory(audit)).toEqual([
          {
            name: origin,
            algorithm: 'Ed25519',
            publicKey: publicKeyOf(first),
            firstTreeSize: 0,
            lastTreeSize: early,
          },
          { name: origin, algorithm: 'Ed25519', publicKey: publicKeyOf(second), firstTreeSize: early },
        ]);

        await seedFundingStory(audit.store, 2);
        const later = await audit.settle();
        const keys = await keyHistory(audit);
        expect(await verifiedBy(audit, 0, keys)).toEqual([true, false]);
        expect(await verifiedBy(audit, early, keys)).toEqual([true, true]);
        expect(await verifiedBy(audit, later, keys)).toEqual([false, true]);
        const note = await (await audit.get('/v1/audit/checkpoints/latest')).text();
        expect(parseCheckpoint(note.slice(0, note.indexOf('\n\n') + 1)).treeSize).toBe(later);
      } finally {
        await audit.close();
      }
    },
  );

  it('on postgres: a key that was kept in the database stays in the history when AUDIT_SIGNING_KEY takes over', async () => {
    let audit = await openAuditApp('postgres', {
      AUDIT_SIGNING_KEY: undefined,
      AUDIT_SIGNING_KEY_IN_DATABASE: 'true',
    });
    try {
      await seedFundingStory(audit.store, 1);
      const signed = await audit.settle();
      const { rows } = await audit.db.query<{ private_key_pkcs8: string }>(
        'SELECT private_key_pkcs8 FROM tlog_signing_key',
      );
      const kept = rows[0].private_key_pkcs8;
      const configured = generateSigningKey();
      audit = await audit.reopen({ AUDIT_SIGNING_KEY: configured });
      await audit.log.checkpointNow();

      const keys = await keyHistory(audit);
      expect(keys.map((key) => [key.publicKey, key.firstTreeSize, key.lastTreeSize])).toEqual([
        [publicKeyOf(kept), 0, signed],
        [publicKeyOf(configured), signed, undefined],
      ]);
      expect(await verifiedBy(audit, 0, keys)).toEqual([true, false]);
    } finally {
      await audit.close();
    }
  });

  it('on pglite: the zero-configuration embedded default generates its key in DATA_DIR, and a later AUDIT_SIGNING_KEY keeps it in the history', async () => {
    let audit = await openAuditApp('pglite');
    try {
      await audit.settle();
      const generated = (await keyHistory(audit))[0];
      expect(generated).toEqual({
        name: origin,
        algorithm: 'Ed25519',
        publicKey: expect.any(String),
        firstTreeSize: 0,
      });
      audit = await audit.reopen({ AUDIT_SIGNING_KEY: generateSigningKey() });
      await audit.log.checkpointNow();
      expect((await keyHistory(audit)).map((key) => [key.publicKey, key.lastTreeSize])).toEqual([
        [generated.publicKey, 0],
        [expect.any(String), undefined],
      ]);
    } finally {
      await audit.close();
    }
  });
});

describe('the audit-api process on a database server', () => {
  let database: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    dir = await mkdtemp(path.join(tmpdir(), 'audit-key-'));
  });
  afterAll(async () => {
    await database?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  /** dist/apps/audit-api (built by the test setup), its own process; resolves when it exits or answers ready. */
  const start = async (env: Record<string, string>) => {
    const port = await freePort();
    const child = spawn(process.execPath, ['dist/apps/audit-api/src/main.js'], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: database.url,
        AUTH_JWT_SECRET: 'audit-process-secret-long-enough-0123456789',
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        DATA_DIR: dir,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
      if (child.exitCode !== null)
        return { exitCode: await exited, stderr, url: undefined, stop: async () => undefined };
      if (
        await fetch(`http://127.0.0.1:${port}/health/ready`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return {
      exitCode: undefined,
      stderr,
      url: `http://127.0.0.1:${port}`,
      stop: async () => (child.kill('SIGTERM'), await exited),
    };
  };

  it.each([
    [{}, 'AUDIT_SIGNING_KEY is required on a database server'],
    [
      { AUDIT_SIGNING_KEY_FILE: '/nonexistent/audit-signing-key' },
      'AUDIT_SIGNING_KEY_FILE cannot be read as a key',
    ],
    [
      { AUDIT_SIGNING_KEY: generateSigningKey(), AUDIT_SIGNING_KEY_FILE: '/etc/hostname' },
      'AUDIT_SIGNING_KEY_FILE must not be set together with AUDIT_SIGNING_KEY',
    ],
    [{ AUDIT_SIGNING_KEY: 'bm90IGEga2V5' }, 'AUDIT_SIGNING_KEY must hold a PKCS#8 Ed25519 private key'],
  ])('refuses to start with %j, in one line naming the variable', async (env, line) => {
    const started = await start(env as Record<string, string>);
    await started.stop();
    expect(started.exitCode).toBe(1);
    expect(started.stderr).toContain(`invalid configuration: ${line}`);
    expect(started.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('starts with the key in AUDIT_SIGNING_KEY_FILE, PEM as openssl writes it, and publishes that key', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const file = path.join(dir, 'signing-key.pem');
    await writeFile(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
    const started = await start({ AUDIT_SIGNING_KEY_FILE: file });
    try {
      expect(started.url).toBeDefined();
      const { signDevelopmentToken } = await import('@multitrack/auth');
      const token = await signDevelopmentToken({
        secret: 'audit-process-secret-long-enough-0123456789',
        sub: 'auditor-1',
        roles: ['auditor'],
      });
      const published = (await (
        await fetch(`${started.url}/v1/audit/public-key`, { headers: { authorization: `Bearer ${token}` } })
      ).json()) as { publicKey: string };
      expect(published.publicKey).toBe(
        publicKeyOf(privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64')),
      );
      const { rows } = await database.db.query('SELECT 1 FROM tlog_signing_key');
      expect(rows).toEqual([]);
    } finally {
      await started.stop();
    }
  });
});
