import { decodeCursor, encodeCursor, InvalidCursorError, limitOf } from './cursor';

describe('list pages', () => {
  it('hand out cursors that come back as the same sort key', () => {
    expect(decodeCursor(encodeCursor([42, 'req-1']))).toEqual([42, 'req-1']);
  });

  it('refuse a cursor they did not issue', () => {
    expect(() => decodeCursor('not-a-cursor')).toThrow(InvalidCursorError);
  });

  it('hold 50 items unless asked, and never more than 500', () => {
    expect(limitOf({})).toBe(50);
    expect(limitOf({ limit: 10_000 })).toBe(500);
    expect(limitOf({ limit: 0 })).toBe(1);
  });
});
