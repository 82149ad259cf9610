import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

const adminUrl = () => process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const admin = async <T>(work: (client: Client) => Promise<T>): Promise<T> => {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

/** An empty database on the local PostgreSQL server for processes this run starts; dropped after. */
export const scratchDatabase = async (prefix: string): Promise<{ url: string; drop(): Promise<void> }> => {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = Object.assign(new URL(adminUrl()), { pathname: `/${name}` }).toString();
  return {
    url,
    drop: () =>
      admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
};
