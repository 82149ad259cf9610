import { Pool, PoolClient, types } from 'pg';
import { Database, QueryResult, SqlExecutor } from './database.port';

// int8 and numeric stay strings by default in `pg`; positions fit in a JS number, money never
// travels as a float: parse int8 only, and leave numeric to the caller.
types.setTypeParser(20, (value) => Number(value));

const executor = (client: Pool | PoolClient): SqlExecutor => ({
  async query<Row>(sql: string, params?: unknown[]): Promise<QueryResult<Row>> {
    const result = await client.query(sql, params as unknown[]);
    return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
  },
  async exec(sql: string): Promise<void> {
    await client.query(sql);
  },
});

export interface PostgresOptions {
  connectionString: string;
  maxConnections?: number;
  applicationName?: string;
}

export const openPostgres = async (options: PostgresOptions): Promise<Database> => {
  const pool = new Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 20,
    application_name: options.applicationName ?? 'multitrack',
  });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  return {
    kind: 'postgres',
    ...executor(pool),
    async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(executor(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
};
