import { execSync } from 'node:child_process';
import { Client } from 'pg';

// Placeholder until deploy/local/kafka.sh lands: makes sure PostgreSQL answers.
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

export default async function globalSetup(): Promise<void> {
  if (await postgresAnswers()) return;
  execSync('pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start', { stdio: 'inherit' });
  if (!(await postgresAnswers())) throw new Error(`PostgreSQL does not answer at ${adminUrl}`);
}
