import type { SqlExecutor } from '@multitrack/database';
import type { ReadModel } from './read-model';

/** Where the bookkeeping lives; it legitimately differs between a live model and a rebuild. */
const bookkeeping = new Set(['stream_revisions', 'consumer_offsets', 'progress']);

export interface TableDifference {
  readModel: string;
  table: string;
  /** Rows in `expected` and not in `actual` (at most `sample`). */
  missing: Record<string, unknown>[];
  /** Rows in `actual` and not in `expected` (at most `sample`). */
  unexpected: Record<string, unknown>[];
}

/**
 * Compares a model's tables in two schemas row by row (`EXCEPT ALL`, so duplicates count);
 * e.g. a scratch rebuild (`expected`) against the live schema (`actual`). Empty when equal.
 */
export const diffReadModel = async (
  db: SqlExecutor,
  model: ReadModel,
  expected: string,
  actual: string,
  sample = 20,
): Promise<TableDifference[]> => {
  const { rows } = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`,
    [expected],
  );
  const differences: TableDifference[] = [];
  for (const { table_name: table } of rows.filter((row) => !bookkeeping.has(row.table_name))) {
    const except = (a: string, b: string) =>
      db.query<Record<string, unknown>>(
        `SELECT * FROM ${a}.${table} EXCEPT ALL SELECT * FROM ${b}.${table} LIMIT ${sample}`,
      );
    const [missing, unexpected] = [await except(expected, actual), await except(actual, expected)];
    if (missing.rows.length || unexpected.rows.length) {
      differences.push({ readModel: model.name, table, missing: missing.rows, unexpected: unexpected.rows });
    }
  }
  return differences;
};
