/** Keyset pagination: the cursor is the last item's sort key, opaque to clients (base64url JSON). */
export const encodeCursor = (key: unknown[]): string =>
  Buffer.from(JSON.stringify(key)).toString('base64url');

export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
}

/** What each element of a list's sort key is: a log position, or an id. */
export type CursorShape = ('position' | 'id')[];

const fits = (value: unknown, kind: CursorShape[number]): boolean =>
  kind === 'position'
    ? Number.isSafeInteger(value) && (value as number) >= 0
    : typeof value === 'string' && value.length > 0 && value.length <= 200;

/**
 * The sort key a cursor carries, checked against the shape the list issues (type, length and
 * range of each element) before any of it reaches SQL: a cursor this API did not issue is a 400.
 */
export const decodeCursor = (cursor: string, shape: CursorShape): unknown[] => {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === shape.length && shape.every((kind, i) => fits(key[i], kind)))
      return key;
  } catch {
    // falls through
  }
  throw new InvalidCursorError('cursor is not one this API issued');
};

export interface Page {
  limit?: number;
  cursor?: string;
}

export interface PageOf<Item> {
  items: Item[];
  nextCursor: string | null;
}

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

export const limitOf = (page: Page): number =>
  Math.min(Math.max(Math.trunc(page.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);

/** Fetches one row more than asked, to know whether another page exists without counting. */
export const pageOf = <Row, Item>(
  rows: Row[],
  limit: number,
  toItem: (row: Row) => Item,
  keyOf: (row: Row) => unknown[],
): PageOf<Item> => ({
  items: rows.slice(0, limit).map(toItem),
  nextCursor: rows.length > limit ? encodeCursor(keyOf(rows[limit - 1])) : null,
});
