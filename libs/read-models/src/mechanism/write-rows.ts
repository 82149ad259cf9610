import type { SqlExecutor } from '@multitrack/database';
import { foldWrites, type FoldedRow, type Generation } from './fold-writes';
import type { Statement } from './statement';
import type { Change, Write } from './row-write';

interface Column {
  type: string;
  /** The column's DEFAULT expression; NULL when it has none. */
  fallback: string;
}

// Column types and defaults per table, read once from the catalogue: they change only with a
// migration, which runs before anything is projected.
const catalogue = new Map<string, Map<string, Column>>();

const columnsOf = async (
  tx: SqlExecutor,
  schema: string,
  table: string,
  needed: string[],
): Promise<Map<string, Column>> => {
  const name = `${schema}.${table}`;
  const known = catalogue.get(name);
  if (known && needed.every((column) => known.has(column))) return known;
  const { rows } = await tx.query<{ name: string; type: string; fallback: string | null }>(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, pg_get_expr(d.adbin, d.adrelid) AS fallback
     FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped`,
    [name],
  );
  const columns = new Map(
    rows.map((row) => [row.name, { type: row.type, fallback: row.fallback ?? 'NULL' }]),
  );
  const missing = needed.filter((column) => !columns.has(column));
  // SQLSTATE class 42, like the statement itself would fail: a bug, retried, never dead-lettered.
  if (missing.length)
    throw Object.assign(new Error(`${name} has no column ${missing.join(', ')}`), { code: '42703' });
  catalogue.set(name, columns);
  return columns;
};

const quoted = (value: unknown) => `"${String(value).replace(/["\\]/g, '\\$&')}"`;

/** Every value travels as text in a text[] parameter and is cast to its column's type in SQL. */
const asText = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value))
    return `{${value.map((item) => (item === null ? 'NULL' : quoted(item))).join(',')}}`;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
};

const opCodes: Record<Change['op'], number> = { set: 1, add: 2, least: 3, greatest: 4 };

const applied = (op: Change['op'], current: string, value: string) =>
  op === 'set' ? value : op === 'add' ? `${current} + ${value}` : `${op.toUpperCase()}(${current}, ${value})`;

/**
 * One statement for the rows of one table and mode: the values as parallel arrays through
 * `unnest`, each column's change chosen per row by an op code (left out when every row changes
 * that column the same way).
 */
const statementsFor = async (tx: SqlExecutor, schema: string, rows: FoldedRow[]): Promise<Statement[]> => {
  const { table, mode, key } = rows[0];
  const names = [...new Set(rows.flatMap((row) => [...row.changes.keys()]))];
  const columns = await columnsOf(tx, schema, table, [key.column, ...names]);
  const params: unknown[] = [rows.map((row) => row.key.value)];
  const arrays = ['$1::text[]'];
  const aliases = ['k'];
  const add = (alias: string, values: unknown[], type: string) => {
    params.push(values);
    arrays.push(`$${params.length}::${type}[]`);
    aliases.push(alias);
  };
  const expressions = names.map((name, i) => {
    const { type, fallback } = columns.get(name)!;
    const changes = rows.map((row) => row.changes.get(name));
    add(
      `v${i}`,
      changes.map((change) => asText(change?.value)),
      'text',
    );
    const current = mode === 'insert' ? `(${fallback})` : `t.${name}`;
    const value = `p.v${i}::${type}`;
    const ops = new Set(changes.map((change) => change?.op));
    if (ops.size === 1 && !ops.has(undefined)) return applied(changes[0]!.op, current, value);
    add(
      `o${i}`,
      changes.map((change) => (change ? opCodes[change.op] : 0)),
      'int2',
    );
    const branches = [...ops]
      .filter((op) => op !== undefined)
      .map((op) => `WHEN ${opCodes[op]} THEN ${applied(op, current, value)}`);
    return `CASE p.o${i} ${branches.join(' ')} ELSE ${current} END`;
  });
  const from = `unnest(${arrays.join(', ')}) AS p(${aliases.join(', ')})`;
  const keyValue = `p.k::${columns.get(key.column)!.type}`;
  const target = `${schema}.${table}`;
  if (mode === 'insert') {
    return [
      {
        sql: `INSERT INTO ${target} (${[key.column, ...names].join(', ')}) SELECT ${[keyValue, ...expressions].join(', ')} FROM ${from}`,
        params,
      },
    ];
  }
  const statements: Statement[] = [];
  if (mode === 'upsert') {
    // Created with its defaults first (safe against another partition creating it at the same time),
    // then changed like any existing row.
    statements.push({
      sql: `INSERT INTO ${target} (${key.column}) SELECT k::${columns.get(key.column)!.type} FROM unnest($1::text[]) AS k ORDER BY 1 ON CONFLICT (${key.column}) DO NOTHING`,
      params: [params[0]],
    });
  }
  if (names.length > 0) {
    const set = names.map((name, i) => `${name} = ${expressions[i]}`).join(', ');
    statements.push({
      sql: `UPDATE ${target} AS t SET ${set} FROM ${from} WHERE t.${key.column} = ${keyValue}`,
      params,
    });
  }
  return statements;
};

const writeGeneration = async (tx: SqlExecutor, schema: string, generation: Generation) => {
  const groups = new Map<string, FoldedRow[]>();
  for (const row of generation) {
    const group = `${row.table} ${row.mode}`;
    const rows = groups.get(group);
    if (rows) rows.push(row);
    else groups.set(group, [row]);
  }
  for (const group of [...groups.keys()].sort()) {
    // In key order, so two transactions touching the same rows lock them in the same order.
    const rows = groups
      .get(group)!
      .sort((a, b) => (a.key.value < b.key.value ? -1 : a.key.value > b.key.value ? 1 : 0));
    for (const statement of await statementsFor(tx, schema, rows))
      await tx.query(statement.sql, statement.params);
  }
};

/** Folds the writes per row and runs them: one statement per table (two for upserts) per generation. */
export const runWrites = async (tx: SqlExecutor, schema: string, writes: Write[]): Promise<void> => {
  for (const step of foldWrites(writes)) {
    if (Array.isArray(step)) await writeGeneration(tx, schema, step);
    else await tx.query(step.sql, step.params);
  }
};
