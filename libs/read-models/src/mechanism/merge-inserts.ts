import type { Statement } from './read-model';

// `INSERT INTO t (cols) VALUES (…)` with one flat tuple: no sub-select, no ON CONFLICT, no RETURNING.
const singleRowInsert = /^(\s*INSERT INTO\s+\S+\s*\([^()]*\)\s*VALUES\s*)(\((?:[^()']|'[^']*')*\))\s*$/i;
// PostgreSQL's limit on bind parameters per statement.
const maxParams = 65_535;

const shifted = (tuple: string, by: number) => tuple.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + by}`);

/**
 * Runs of identical single-row INSERTs (a batch of the same event type in a row, typical of a
 * rebuild) become one multi-row INSERT: fewer round trips, same rows, same order. Anything else
 * passes through untouched, so statements keep their order exactly.
 */
export const mergeInserts = (statements: Statement[]): Statement[] => {
  const merged: Statement[] = [];
  let run: { sql: string; head: string; tuple: string; tuples: string[]; params: unknown[] } | undefined;
  const close = () => {
    if (run) merged.push({ sql: run.head + run.tuples.join(', '), params: run.params });
    run = undefined;
  };
  for (const statement of statements) {
    const match = singleRowInsert.exec(statement.sql);
    if (match && run && run.sql === statement.sql && run.params.length + statement.params.length <= maxParams) {
      run.tuples.push(shifted(run.tuple, run.params.length));
      run.params.push(...statement.params);
      continue;
    }
    close();
    if (match) run = { sql: statement.sql, head: match[1], tuple: match[2], tuples: [match[2]], params: [...statement.params] };
    else merged.push(statement);
  }
  close();
  return merged;
};
