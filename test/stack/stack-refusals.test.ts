import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { freePort } from '../../bench/support/free-port';

// What `stack.sh up` refuses before it launches anything: each refusal names the setting, and
// none of them needs the apps, Kafka or a build, so they take well under a second each.
const root = path.resolve(__dirname, '../..');
const script = path.join(root, 'deploy/local/stack.sh');
const stateDir = path.join(root, '.state', `stack-refusals-${randomBytes(4).toString('hex')}`);
afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

type Outcome = { code: number; stderr: string };
const up = (env: NodeJS.ProcessEnv, ...apps: string[]) =>
  new Promise<Outcome>((resolve) =>
    execFile('bash', [script, 'up', ...apps], { cwd: root, env, timeout: 60_000 }, (error, _stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stderr }),
    ),
  );

const settings = async (more: NodeJS.ProcessEnv): Promise<NodeJS.ProcessEnv> => ({
  ...process.env,
  STACK_STATE_DIR: stateDir,
  PORT: String(await freePort()),
  AUDIT_PORT: String(await freePort()),
  RELAY_PORT: String(await freePort()),
  PROJECTOR_PORT: String(await freePort()),
  // Never reached: the refusals come first. Set, so no local Kafka is leased if one did not.
  KAFKA_BROKERS: '127.0.0.1:9',
  AUTH_JWT_SECRET: randomBytes(32).toString('base64'),
  PERSONAL_DATA_MASTER_KEY: randomBytes(32).toString('base64'),
  ...more,
});

describe('stack.sh up refuses, before it launches anything,', () => {
  it('two apps given one port', async () => {
    const env = await settings({});
    const outcome = await up({ ...env, RELAY_PORT: env.AUDIT_PORT });
    expect(outcome).toMatchObject({
      code: 1,
      stderr: expect.stringContaining(`AUDIT_PORT and RELAY_PORT are both ${env.AUDIT_PORT}`),
    });
  });

  it('a port another process listens on, which would answer the readiness check for an app that could not bind', async () => {
    // Given another process on the audit-api's port
    const taken = await freePort();
    const other: Server = await new Promise((resolve) => {
      const server = createServer().listen(taken, '127.0.0.1', () => resolve(server));
    });
    try {
      // When the stack is brought up with it
      const outcome = await up(await settings({ AUDIT_PORT: String(taken) }));

      // Then it names the port and its variable, and has launched nothing
      expect(outcome).toMatchObject({
        code: 1,
        stderr: expect.stringContaining(
          `127.0.0.1:${taken} (audit-api's AUDIT_PORT) is in use by another process`,
        ),
      });
      expect(existsSync(path.join(stateDir, 'coordination-api.pid'))).toBe(false);
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it('a DATABASE_URL that begins with "-", which node would have read as one of its own options', async () => {
    const outcome = await up(await settings({ DATABASE_URL: '--version' }), 'relay');
    expect(outcome).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/PostgreSQL at --version: .*Invalid URL/),
    });
    expect(existsSync(path.join(stateDir, 'relay.pid'))).toBe(false);
  });
});
