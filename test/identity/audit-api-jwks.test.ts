import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createTestDatabase, TestDatabase } from '@multitrack/database';
import { freePort } from '../../bench/support/free-port';
import { IdentityProvider, signingKey, startIdentityProvider } from './support/identity-provider';
import { generateSigningKey } from '@multitrack/transparency-log';

const root = path.resolve(__dirname, '../..');
const audience = 'https://api.multitrack.test';

/** The built audit API (dist/, made by the test setup), its own process, as a container would run it. */
const spawnAuditApi = (env: Record<string, string>) => {
  const child: ChildProcess = spawn(process.execPath, ['dist/apps/audit-api/src/main.js'], {
    cwd: root,
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  child.stdout?.resume();
  return { child, stderr: () => stderr };
};

const exitOf = async (child: ChildProcess): Promise<number | null> =>
  child.exitCode ?? ((await once(child, 'exit'))[0] as number | null);

describe('the audit API in JWKS mode, as deployed', () => {
  let database: TestDatabase;
  let idp: IdentityProvider;
  let jwks: Record<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    idp = await startIdentityProvider([
      await signingKey('RS256', 'rsa-1'),
      await signingKey('ES256', 'ec-1'),
    ]);
    jwks = {
      DATABASE_URL: database.url!,
      AUTH_JWKS_URL: idp.jwksUri,
      AUTH_ISSUER: idp.issuer,
      AUTH_AUDIENCE: audience,
      AUTH_ALLOW_HTTP_JWKS: 'true',
      // On a database server the log's signing key is held apart from it (decision 0173).
      AUDIT_SIGNING_KEY: generateSigningKey(),
    };
  });
  afterAll(async () => {
    await idp?.stop();
    await database?.drop();
  });

  describe('refuses to start, naming the variable', () => {
    it.each([
      [
        'AUTH_ISSUER',
        { AUTH_ISSUER: '' },
        /^invalid configuration: AUTH_ISSUER: is required with AUTH_JWKS_URL/,
      ],
      [
        'AUTH_AUDIENCE',
        { AUTH_AUDIENCE: '' },
        /^invalid configuration: AUTH_AUDIENCE: is required with AUTH_JWKS_URL/,
      ],
      [
        'AUTH_JWKS_URL over plain HTTP',
        { AUTH_ALLOW_HTTP_JWKS: '' },
        /^invalid configuration: AUTH_JWKS_URL: must be an https:\/\/ URL/,
      ],
      [
        'AUTH_MAX_TOKEN_AGE_S',
        { AUTH_MAX_TOKEN_AGE_S: 'a day' },
        /^invalid configuration: AUTH_MAX_TOKEN_AGE_S must be a positive whole number of seconds/,
      ],
    ])('without a valid %s', async (_, change, line) => {
      const { child, stderr } = spawnAuditApi({ ...jwks, PORT: String(await freePort()), ...change });
      expect(await exitOf(child)).toBe(1);
      expect(stderr()).toMatch(line);
      expect(stderr().trim().split('\n')).toHaveLength(1);
    });
  });

  describe('once started', () => {
    let app: ReturnType<typeof spawnAuditApi>;
    let url: string;

    beforeAll(async () => {
      const port = await freePort();
      url = `http://127.0.0.1:${port}`;
      app = spawnAuditApi({ ...jwks, PORT: String(port) });
      const deadline = Date.now() + 60_000;
      while (
        !(await fetch(`${url}/health/ready`).then(
          (r) => r.ok,
          () => false,
        ))
      ) {
        if (app.child.exitCode !== null)
          throw new Error(`audit-api exited ${app.child.exitCode}: ${app.stderr()}`);
        if (Date.now() > deadline) throw new Error(`audit-api never became ready: ${app.stderr()}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    });
    afterAll(async () => {
      app?.child.kill('SIGTERM');
      if (app) await exitOf(app.child);
    });

    const publicKey = async (token: string) =>
      fetch(`${url}/v1/audit/public-key`, { headers: { authorization: `Bearer ${token}` } });

    it('answers an auditor whose ES256 token the provider issued', async () => {
      const response = await publicKey(await idp.token('auditor-es256'));
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ algorithm: 'Ed25519' });
    });

    it('answers 403 to a valid token without the auditor or witness role', async () => {
      expect((await publicKey(await idp.token('ngo-rs256'))).status).toBe(403);
    });

    it('answers 401 to a token the provider issued for another audience', async () => {
      expect((await publicKey(await idp.token('auditor-es256', 'https://another-api.example'))).status).toBe(
        401,
      );
    });
  });
});
