import { refuseUnacceptableText, UnacceptableText } from './body-text';

const parse = (json: string) => JSON.parse(json, refuseUnacceptableText) as unknown;

describe('text a body may carry', () => {
  it('takes ordinary text, emoji (paired surrogates), tabs and newlines, and U+FFFD', () => {
    expect(parse('{"title":"Café 💥","text":"a\\tb\\nc\\r\\ufffd"}')).toEqual({
      title: 'Café 💥',
      text: 'a\tb\nc\r\uFFFD',
    });
  });

  it('refuses U+0000, other C0 controls, U+FFFE and lone surrogates, naming the field', () => {
    for (const text of ['a\\u0000b', 'a\\u0001\\u000bb', 'x\\ufffe', 'lone \\ud800', '\\udc00 first'])
      expect(() => parse(`{"description":"${text}"}`)).toThrow(new UnacceptableText('description'));
  });

  it('refuses such a property name too', () => {
    expect(() => parse('{"\\ud800":1}')).toThrow(UnacceptableText);
  });
});
