import { PGlite, PGliteOptions, Transaction, types } from '@electric-sql/pglite';
import { QueryResult, SqlExecutor } from './database.port';

const parsers = { [types.INT8]: (value: string) => Number(value) };

/** The statements of one PGlite client (the database or a transaction), as the port names them. */
export const pgliteStatements = (client: PGlite | Transaction): SqlExecutor => ({
  async query<Row>(sql: string, params?: unknown[]): Promise<QueryResult<Row>> {
    const result = await client.query<Row>(sql, params, { parsers });
    // PGlite reports affectedRows 0 for SELECT; pg reports the rows returned.
    return { rows: result.rows, rowCount: Math.max(result.affectedRows ?? 0, result.rows.length) };
  },
  exec: async (sql: string) => {
    await client.exec(sql);
  },
});

/** The bytes of `PGlite.dumpDataDir('none')`: a tar of a data directory. */
export type PgliteDataDirDump = Uint8Array;

export const pgliteOptions = (dataDir?: string, startFrom?: PgliteDataDirDump): PGliteOptions => ({
  ...(dataDir ? { dataDir } : {}),
  ...(startFrom ? { loadDataDir: new Blob([startFrom]) } : {}),
});
