import type { Statement } from './statement';

/** How one column of a row changes; folded per row over a batch before anything is written. */
export class Change {
  private constructor(
    readonly op: 'set' | 'add' | 'least' | 'greatest',
    readonly value: unknown,
  ) {}

  static set = (value: unknown) => new Change('set', value);
  /** `column + delta` for integer columns (money in minor units, counts); the column must default to a number. */
  static add = (delta: string | number | bigint) => new Change('add', BigInt(delta).toString());
  /** The earlier instant; NULL is ignored, as PostgreSQL's LEAST does. */
  static least = (instant: string) => new Change('least', instant);
  static greatest = (instant: string) => new Change('greatest', instant);
}

export const { add, least, greatest } = Change;

/**
 * One row a projection writes, declared rather than spelled as SQL, so that the writes of a whole
 * batch can be folded per row and sent as one statement per table (docs/decisions/0140).
 * - `insert`: the row must not exist yet (a duplicate key is refused, as a plain INSERT is);
 * - `update`: changes an existing row; nothing happens when there is none;
 * - `upsert`: creates the row with its column defaults when missing, then applies the changes.
 * A plain value in `changes` means `set`.
 */
export interface RowWrite {
  table: string;
  key: { column: string; value: string };
  mode: 'insert' | 'update' | 'upsert';
  changes: Record<string, unknown>;
}

/** What a projection returns per event: row writes, or (rarely) a statement that runs as it is. */
export type Write = RowWrite | Statement;

export const isRowWrite = (write: Write): write is RowWrite => 'mode' in write;

const row =
  (mode: RowWrite['mode']) =>
  (table: string, key: [column: string, value: string], changes: Record<string, unknown>): RowWrite => ({
    table,
    key: { column: key[0], value: key[1] },
    mode,
    changes,
  });

export const insertRow = row('insert');
export const updateRow = row('update');
export const upsertRow = row('upsert');

/** Drops the entries without a value (undefined or null): an amendment changes only what it names. */
export const defined = (changes: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined && value !== null));

/**
 * An update of the entity row an event's stream owns, recording the stream revision and time:
 * every event of the stream touches the row, so the row's revision is its stream's revision
 * (what `?minRevision=` waits for).
 */
export const touchRow =
  (table: string, id: string, event: { revision: number; recordedAt: string }) =>
  (changes: Record<string, unknown> = {}): RowWrite =>
    updateRow(table, ['id', id], { ...changes, revision: event.revision, updated_at: event.recordedAt });
