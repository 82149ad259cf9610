import { execFileSync, execSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';

// Makes sure the servers the integration tests need are up: PostgreSQL (a system service, left
// running), Kafka (started here unless KAFKA_BROKERS points at one; shared between concurrent runs
// by a lease so one run's teardown cannot stop it under another) and a fresh build in dist/ for
// end-to-end tests that spawn the apps.
const root = path.resolve(__dirname, '../..');
export const kafkaScript = path.join(root, 'deploy/local/kafka.sh');
/** Set for the teardown (same process) when this run holds a lease on the local Kafka. */
export const kafkaLeaseVariable = 'MULTITRACK_TEST_KAFKA_LEASE';
const adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const postgresAnswers = async () => {
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
};

const ensurePostgres = async (): Promise<string> => {
  if (await postgresAnswers()) return 'PostgreSQL already up';
  execSync('pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start', { stdio: 'inherit' });
  if (!(await postgresAnswers())) throw new Error(`PostgreSQL does not answer at ${adminUrl}`);
  return 'PostgreSQL started (left running)';
};

const kafka = (...args: string[]) =>
  execFileSync('bash', [kafkaScript, ...args], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();

const ensureKafka = (): string => {
  if (process.env.KAFKA_BROKERS) return `Kafka from KAFKA_BROKERS=${process.env.KAFKA_BROKERS}`;
  const lease = String(process.pid);
  let said: string;
  try {
    said = kafka('start', '--lease', lease);
  } catch (error) {
    throw new Error(
      `could not start Kafka with ${kafkaScript} (see the log tail above): ${(error as Error).message}`,
    );
  }
  process.env[kafkaLeaseVariable] = lease;
  // Test workers are forked after this returns, so they inherit it.
  process.env.KAFKA_BROKERS = kafka('brokers');
  return `Kafka ${said.includes('already running') ? 'already up' : 'started'} at ${process.env.KAFKA_BROKERS}`;
};

const build = (): string => {
  if (process.env.TEST_SKIP_BUILD === '1') return 'build skipped (TEST_SKIP_BUILD=1)';
  const began = Date.now();
  const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) {
    // Not fatal: only tests that spawn the apps need dist/, and they will fail on their own.
    process.stderr.write(
      `\n[test setup] npm run build FAILED: tests that spawn apps from dist/ will fail\n${result.stdout}${result.stderr}\n`,
    );
    return 'build FAILED';
  }
  return `dist/ built in ${((Date.now() - began) / 1000).toFixed(1)}s`;
};

export default async function globalSetup(): Promise<void> {
  const postgres = await ensurePostgres();
  const kafkaState = ensureKafka();
  process.stdout.write(`\n[test setup] ${postgres}; ${kafkaState}; ${build()}\n`);
}
