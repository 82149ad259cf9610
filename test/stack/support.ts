import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort } from '../../bench/support/free-port';

/** The apps deploy/local/stack.sh starts, each its own process from a snapshot of dist/. */
export type StackApp = 'coordination-api' | 'audit-api' | 'relay' | 'projector' | 'webhooks';

const root = path.resolve(__dirname, '../..');
const script = path.join(root, 'deploy/local/stack.sh');
const adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface LocalStack {
  /** This run's state directory: every app's command line names it. */
  stateDir: string;
  /** The settings `stack.sh` is called with (free ports, this run's database and topics). */
  env: NodeJS.ProcessEnv;
  /** http://127.0.0.1:<port> of an app. */
  url(app: StackApp): string;
  /** `stack.sh up [APP...]`: returns once every app named answers /health/ready. */
  up(...apps: StackApp[]): Promise<string>;
  down(): Promise<string>;
  /** Every process whose command line names this run's state directory: the apps, and nothing else. */
  processes(): string[];
  /** `down`, then the state directory and the database go. */
  destroy(): Promise<void>;
}

/**
 * One run of the real stack on this machine (deploy/local/stack.sh), isolated from any other: its
 * own state directory, PostgreSQL database, ports and Kafka topic prefix on the shared cluster
 * (KAFKA_BROKERS). `settings` are added to the apps' environment.
 */
export const localStack = async (name: string, settings: NodeJS.ProcessEnv = {}): Promise<LocalStack> => {
  const run = randomBytes(4).toString('hex');
  const stateDir = path.join(root, '.state', `${name}-${run}`);
  const database = `multitrack_${name.replace(/\W/g, '_')}_${run}`;
  const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString();
  const ports: Record<StackApp, number> = {
    'coordination-api': await freePort(),
    'audit-api': await freePort(),
    relay: await freePort(),
    projector: await freePort(),
    webhooks: await freePort(),
  };
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    STACK_STATE_DIR: stateDir,
    DATABASE_URL: databaseUrl,
    PORT: String(ports['coordination-api']),
    AUDIT_PORT: String(ports['audit-api']),
    RELAY_PORT: String(ports.relay),
    PROJECTOR_PORT: String(ports.projector),
    WEBHOOKS_PORT: String(ports.webhooks),
    // One Kafka cluster is shared by concurrent test runs: this run's topics are its own.
    KAFKA_TOPIC_PREFIX: `${name}-${run}.`,
    LOG_LEVEL: 'warn',
    ...settings,
  };
  const stack = async (...args: string[]) => {
    const { stdout } = await promisify(execFile)('bash', [script, ...args], {
      cwd: root,
      env,
      timeout: 90_000,
    });
    return stdout;
  };
  const down = () => stack('down');
  return {
    stateDir,
    env,
    url: (app) => `http://127.0.0.1:${ports[app]}`,
    up: (...apps) => stack('up', ...apps),
    down,
    processes: () =>
      readdirSync('/proc')
        .filter((entry) => /^\d+$/.test(entry) && Number(entry) !== process.pid)
        .filter((pid) => {
          try {
            return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(stateDir);
          } catch {
            return false;
          }
        }),
    async destroy() {
      await down().catch(() => undefined);
      rmSync(stateDir, { recursive: true, force: true });
      const admin = new Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    },
  };
};

/** Asks again every 100 ms until `attempt` gives a value; the stack's read side follows the log eventually. */
export const waitFor = async <T>(
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
