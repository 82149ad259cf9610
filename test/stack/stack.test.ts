import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { signDevelopmentToken } from '@multitrack/auth';
import { freePort } from '../../bench/support/free-port';
import { validRequest } from '../coordination/support/scenario';

// The walking skeleton on the real stack: each app its own process, started and stopped by
// deploy/local/stack.sh, a command in through the coordination-api and read back through the
// relay, Kafka and the projector.
const root = path.resolve(__dirname, '../..');
const script = path.join(root, 'deploy/local/stack.sh');
const run = randomBytes(4).toString('hex');
const stateDir = path.join(root, '.state', `stack-test-${run}`);
const database = `multitrack_stack_${run}`;
const adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString();
const secret = randomBytes(32).toString('base64');

const stack = async (command: string, env: NodeJS.ProcessEnv) => {
  const { stdout } = await promisify(execFile)('bash', [script, command], {
    cwd: root,
    env,
    timeout: 90_000,
  });
  return stdout;
};

/** Every process whose command line names this run's state directory: the apps, and nothing else. */
const processesOfThisStack = () =>
  readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry) && Number(entry) !== process.pid)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(stateDir);
      } catch {
        return false;
      }
    });

const waitFor = async <T>(
  attempt: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 20_000,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await attempt();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

describe('the local stack (deploy/local/stack.sh)', () => {
  let env: NodeJS.ProcessEnv;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    env = {
      ...process.env,
      STACK_STATE_DIR: stateDir,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      AUDIT_PORT: String(await freePort()),
      RELAY_PORT: String(await freePort()),
      PROJECTOR_PORT: String(await freePort()),
      // One Kafka cluster is shared by concurrent test runs: this run's topics are its own.
      KAFKA_TOPIC_PREFIX: `stack-${run}.`,
      AUTH_JWT_SECRET: secret,
      LOG_LEVEL: 'warn',
    };
  });

  afterAll(async () => {
    await stack('down', env).catch(() => undefined);
    rmSync(stateDir, { recursive: true, force: true });
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }, 60_000);

  it('starts every app, serves a command through to its read model, and stops leaving no process behind', async () => {
    // Given the stack is up
    const said = await stack('up', env);
    expect(said).toMatch(/up in \d+s/);
    const pids = ['coordination-api', 'audit-api', 'relay', 'projector'].map((app) =>
      Number(readFileSync(path.join(stateDir, `${app}.pid`), 'utf8')),
    );
    expect(processesOfThisStack().map(Number).sort()).toEqual(expect.arrayContaining([...pids].sort()));

    // When an officer publishes a help request
    const token = await signDevelopmentToken({ secret, sub: 'officer-stack', roles: ['officer'] });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const created = await fetch(`http://127.0.0.1:${port}/v1/requests`, {
      method: 'POST',
      headers,
      body: JSON.stringify(validRequest()),
    });
    expect(created.status).toBe(201);
    const { id, revision } = (await created.json()) as { id: string; revision: number };

    // Then it becomes readable once the relay and the projector carried it to the read model
    const read = await waitFor(async () => {
      const response = await fetch(`http://127.0.0.1:${port}/v1/requests/${id}?minRevision=${revision}`, {
        headers,
      });
      return response.status === 200 ? ((await response.json()) as Record<string, unknown>) : undefined;
    }, 'the request is readable');
    expect(read).toMatchObject({
      id,
      title: validRequest().title,
      status: 'open',
      country: validRequest().country,
    });

    // And down stops exactly those processes
    await stack('down', env);
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
    expect(processesOfThisStack()).toEqual([]);
    expect(existsSync(path.join(stateDir, 'coordination-api.pid'))).toBe(false);
  }, 120_000);
});
