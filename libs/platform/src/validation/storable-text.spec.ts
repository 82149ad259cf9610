import { isStorableText, refuseUnstorableText } from './storable-text';

describe('text PostgreSQL can store', () => {
  it('accepts ordinary text, emoji (paired surrogates) and U+FFFD', () => {
    expect(['', 'Mediators', 'Café 💥', '\uFFFD'].every(isStorableText)).toBe(true);
  });

  it('refuses U+0000 and unpaired surrogates', () => {
    expect(['a\u0000b', 'lone \uD800', '\uDC00 first', '💥'.slice(0, 1)].some(isStorableText)).toBe(false);
  });

  it('makes JSON.parse fail on such a value or key, as the body parser needs for a 400', () => {
    expect(() => JSON.parse('{"title":"a\\u0000b"}', refuseUnstorableText)).toThrow(SyntaxError);
    expect(() => JSON.parse('{"\\ud800":1}', refuseUnstorableText)).toThrow(SyntaxError);
    expect(JSON.parse('{"title":"ok 💥"}', refuseUnstorableText)).toEqual({ title: 'ok 💥' });
  });
});
