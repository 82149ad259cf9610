import { decodeCursor, encodeCursor, InvalidCursorError, limitOf } from './cursor';

describe('list pages', () => {
  it('hand out cursors that come back as the same sort key', () => {
    expect(decodeCursor(encodeCursor([42, 'req-1']), ['position', 'id'])).toEqual([42, 'req-1']);
  });

  it('refuse a cursor they did not issue', () => {
    expect(() => decodeCursor('not-a-cursor', ['position'])).toThrow(InvalidCursorError);
  });

  it.each([
    ['a string where a position belongs', ['x']],
    ['a fraction', [1.5]],
    ['a negative position', [-1]],
    ['a position beyond 2^53', [2 ** 60]],
    ['an object', [{ $gt: 0 }]],
    ['too many elements', [1, 2]],
    ['no element', []],
  ])('refuse a well-formed cursor with %s', (_, key) => {
    expect(() => decodeCursor(encodeCursor(key), ['position'])).toThrow(InvalidCursorError);
  });

  it('refuse an id that is no id', () => {
    expect(() => decodeCursor(encodeCursor([7]), ['id'])).toThrow(InvalidCursorError);
    expect(() => decodeCursor(encodeCursor(['x'.repeat(201)]), ['id'])).toThrow(InvalidCursorError);
  });

  it('hold 50 items unless asked, and never more than 500', () => {
    expect(limitOf({})).toBe(50);
    expect(limitOf({ limit: 10_000 })).toBe(500);
    expect(limitOf({ limit: 0 })).toBe(1);
  });
});
