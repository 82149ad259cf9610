import type { SqlExecutor } from '@multitrack/database';
import { decodeCursor, limitOf, pageOf, type Page, type PageOf } from './cursor';

/** One condition of a list query; an undefined value means "no such filter". */
export type Condition = [column: string, operator: '=' | '<>', value: string | undefined];

export interface KeysetList<Row> {
  /** `SELECT … FROM …`, everything before WHERE; its own text, never a caller's. */
  select: string;
  /** A condition that is always there, as SQL text (so that a partial index matches it). */
  always?: string;
  conditions: Condition[];
  /** The int8 column the pages follow, ascending; the cursor is its last value. */
  order: string;
  orderOf: (row: Row) => number;
}

const afterOf = (page: Page): number | undefined => {
  if (!page.cursor) return undefined;
  const [after] = decodeCursor(page.cursor, ['position']);
  return after as number;
};

/**
 * One page of a list in the order of an int8 column, under the filters that are given: only those
 * become SQL conditions, so each filter combination is planned on its own index.
 */
export const keysetRows = async <Row>(
  db: SqlExecutor,
  list: KeysetList<Row>,
  page: Page,
): Promise<{ rows: Row[]; toPage: <Item>(toItem: (row: Row) => Item) => PageOf<Item> }> => {
  const limit = limitOf(page);
  const after = afterOf(page);
  const params: unknown[] = [];
  const where = list.always ? [list.always] : [];
  const filters = list.conditions
    .filter(([, , value]) => value !== undefined)
    .map(([column, operator, value]) => {
      params.push(value);
      return `${column} ${operator} $${params.length}`;
    });
  where.push(...filters);
  if (after !== undefined) {
    params.push(after);
    where.push(`${list.order} > $${params.length}::int8`);
  }
  params.push(limit + 1);
  const { rows } = await db.query<Row>(
    `${list.select} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY ${list.order} LIMIT $${params.length}`,
    params,
  );
  return {
    rows: rows.slice(0, limit),
    toPage: (toItem) => pageOf(rows, limit, toItem, (row) => [list.orderOf(row)]),
  };
};
