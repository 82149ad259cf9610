import { numberCell, textCell } from './spreadsheet-cells';

describe('spreadsheet cells', () => {
  it('puts an apostrophe before text that starts with =, +, -, @, tab, carriage return or their full-width forms', () => {
    const starts = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];
    for (const start of starts)
      expect(textCell(`${start}HYPERLINK("http://attacker.example")`)).toBe(
        `'${start}HYPERLINK("http://attacker.example")`,
      );
  });

  it('leaves every other text as it is, the HXL hashtags included', () => {
    for (const text of [
      '',
      'Peace NGO 1',
      '#org+name+impl',
      'a=b',
      ' =1',
      "'quoted",
      'Tranche reversed: -2+3',
    ])
      expect(textCell(text)).toBe(text);
  });

  it('keeps plain decimals numbers, negative ones included, and escapes anything else in a number column', () => {
    expect(['-10000.00', '50000.00', '0', '42', ''].map(numberCell)).toEqual([
      '-10000.00',
      '50000.00',
      '0',
      '42',
      '',
    ]);
    expect(numberCell(7)).toBe('7');
    expect(numberCell("-2+3+cmd|' /C calc'!A0")).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(numberCell('=1+1')).toBe("'=1+1");
    expect(numberCell('1e5')).toBe('1e5');
  });
});
