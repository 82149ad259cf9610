import { plainToInstance } from 'class-transformer';
import { IsString, validateSync } from 'class-validator';
import { isXmlText, IsXmlText, xmlSafe } from './xml-text';

describe('text XML 1.0 can carry', () => {
  it('accepts ordinary text, tab, newline, carriage return, emoji (paired surrogates), U+FFFD and C1 controls', () => {
    for (const text of [
      '',
      'Mediators',
      'line\nline\r\n\tindented',
      'Café 💥',
      '\uFFFD',
      '\u0085',
      '\u{10FFFF}',
    ])
      expect(isXmlText(text)).toBe(true);
  });

  it('refuses every other C0 control, U+FFFE, U+FFFF and unpaired surrogates', () => {
    const forbidden = [
      ...Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)).filter(
        (c) => !'\t\n\r'.includes(c),
      ),
      '\uFFFE',
      '\uFFFF',
      '\uD800',
      '\uDFFF',
      '💥'.slice(0, 1),
      '💥'.slice(1),
    ];
    expect(forbidden).toHaveLength(35);
    for (const character of forbidden)
      expect({ character, allowed: isXmlText(`a${character}b`) }).toEqual({ character, allowed: false });
  });

  it('replaces each forbidden character by U+FFFD, or by what it is told, and leaves good text as it is', () => {
    expect(xmlSafe('a\u0001\u000bb\uFFFEc\uD800d 💥')).toBe('a\uFFFD\uFFFDb\uFFFDc\uFFFDd 💥');
    expect(xmlSafe('a\u0001b', '')).toBe('ab');
    const good = 'Dialogue in Kisumu 💥';
    expect(xmlSafe(good)).toBe(good);
    expect(isXmlText(xmlSafe('\u0000\uFFFF\uDC00'))).toBe(true);
  });

  it('refuses such text in a DTO field, naming the field, and lets other types through to their own check', () => {
    class Report {
      @IsString() @IsXmlText() description!: string;
    }
    const errors = validateSync(plainToInstance(Report, { description: 'Venue\u0001' }));
    expect(errors.map((error) => [error.property, Object.keys(error.constraints ?? {})])).toEqual([
      ['description', ['isXmlText']],
    ]);
    expect(validateSync(plainToInstance(Report, { description: 'Venue and travel\n' }))).toEqual([]);
    expect(
      Object.keys(validateSync(plainToInstance(Report, { description: 7 }))[0].constraints ?? {}),
    ).toEqual(['isString']);
  });
});
