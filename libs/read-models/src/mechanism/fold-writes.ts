import type { Statement } from './statement';
import { Change, isRowWrite, type RowWrite, type Write } from './row-write';

/** One row's writes of a batch, folded: the mode of its first write and each column's net change. */
export interface FoldedRow {
  table: string;
  key: RowWrite['key'];
  mode: RowWrite['mode'];
  changes: Map<string, Change>;
}

/** Rows that can be written in any order: one folded entry per row. */
export type Generation = FoldedRow[];

const asChange = (value: unknown): Change => (value instanceof Change ? value : Change.set(value));

const instant = (value: unknown) => Date.parse(String(value));

const pick = (op: 'least' | 'greatest', a: unknown, b: unknown) =>
  a === null || a === undefined ? b : instant(b) < instant(a) === (op === 'least') ? b : a;

/** `next` applied after `previous`, as one change; undefined when the two do not combine. */
const combine = (previous: Change, next: Change): Change | undefined => {
  if (next.op === 'set') return next;
  if (next.op === 'add') {
    if (previous.op === 'add')
      return Change.add(BigInt(previous.value as string) + BigInt(next.value as string));
    // NULL + n stays NULL in SQL.
    if (previous.op === 'set')
      return previous.value === null
        ? previous
        : Change.set((BigInt(String(previous.value)) + BigInt(next.value as string)).toString());
    return undefined;
  }
  if (previous.op === 'set') return Change.set(pick(next.op, previous.value, next.value));
  if (previous.op === next.op)
    return (next.op === 'least' ? Change.least : Change.greatest)(
      String(pick(next.op, previous.value, next.value)),
    );
  return undefined;
};

const changesOf = (write: RowWrite) => {
  const changes = new Map<string, Change>();
  for (const column in write.changes) changes.set(column, asChange(write.changes[column]));
  return changes;
};

/** Folds `write` into `row`; false when it cannot be (the write then starts a new generation). */
const foldInto = (row: FoldedRow, write: RowWrite): boolean => {
  // A second insert must fail as it would have; an upsert after a mere update may create the row.
  if (write.mode === 'insert' || (write.mode === 'upsert' && row.mode === 'update')) return false;
  const combined: [string, Change][] = [];
  for (const column in write.changes) {
    const next = asChange(write.changes[column]);
    const previous = row.changes.get(column);
    const change = previous ? combine(previous, next) : next;
    if (!change) return false;
    combined.push([column, change]);
  }
  for (const [column, change] of combined) row.changes.set(column, change);
  return true;
};

/**
 * Folds a batch's writes per row, in order: every write to a row already written in the batch is
 * combined with it (an insert followed by updates is one insert; two additions are one; the
 * later `set` wins), so each row is written once. A raw statement, or a write that cannot be
 * combined, closes the current generation: what follows runs after it.
 */
export const foldWrites = (writes: Write[]): (Generation | Statement)[] => {
  const steps: (Generation | Statement)[] = [];
  let rows = new Map<string, FoldedRow>();
  const close = () => {
    if (rows.size > 0) steps.push([...rows.values()]);
    rows = new Map();
  };
  for (const write of writes) {
    if (!isRowWrite(write)) {
      close();
      steps.push(write);
      continue;
    }
    const id = `${write.table}\u0000${write.key.column}\u0000${write.key.value}`;
    const row = rows.get(id);
    if (row && foldInto(row, write)) continue;
    if (row) close();
    rows.set(id, {
      table: write.table,
      key: write.key,
      mode: write.mode,
      changes: changesOf(write),
    });
  }
  close();
  return steps;
};
