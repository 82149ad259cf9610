import { add, compare, MixedCurrencyError, subtract } from './arithmetic';
import { minorDigitsOf } from './currencies';
import { formatMoney, fromWire } from './format-money';
import { money } from './money';
import { decimalToMinor, parseMoney } from './parse-money';
import { toWireState } from './wire-state';
import fc from 'fast-check';

describe('parseMoney', () => {
  it.each([
    ['250000.00', 'USD', 25_000_000n],
    ['250000', 'USD', 25_000_000n],
    ['0.5', 'EUR', 50n],
    ['5000', 'JPY', 5000n],
    ['1.234', 'KWD', 1234n],
    ['0', 'USD', 0n],
  ])('reads "%s" %s as %s minor units', (amount, currency, minor) =>
    expect(parseMoney({ amount, currency })).toEqual({ minor, currency }),
  );

  it.each([
    [{ amount: 250000, currency: 'USD' }, 'money.invalid-amount'],
    [{ amount: '-1.00', currency: 'USD' }, 'money.invalid-amount'],
    [{ amount: '1e5', currency: 'USD' }, 'money.invalid-amount'],
    [{ amount: ' 1', currency: 'USD' }, 'money.invalid-amount'],
    [{ amount: '1.', currency: 'USD' }, 'money.invalid-amount'],
    [{ amount: '.5', currency: 'USD' }, 'money.invalid-amount'],
    [{ amount: '1,5', currency: 'USD' }, 'money.invalid-amount'],
    [{ amount: '1.001', currency: 'USD' }, 'money.too-many-decimals'],
    [{ amount: '5000.00', currency: 'JPY' }, 'money.too-many-decimals'],
    [{ amount: '1', currency: 'ABC' }, 'money.unknown-currency'],
    [{ amount: '1', currency: 'usd' }, 'money.unknown-currency'],
    [{ amount: '1', currency: 'XAU' }, 'money.unknown-currency'],
    [{ amount: '1' }, 'money.unknown-currency'],
    [{ amount: '92233720368547758.08', currency: 'USD' }, 'money.too-large'],
    ['1.00 USD', 'money.invalid-amount'],
    [null, 'money.invalid-amount'],
  ])('refuses %j (%s)', (value, rule) =>
    expect(parseMoney(value)).toMatchObject({ kind: 'DomainError', rule }),
  );
});

describe('formatMoney', () => {
  it('writes exactly the currency’s minor digits', () => {
    expect(formatMoney(money(30_000_000n, 'USD'))).toEqual({ amount: '300000.00', currency: 'USD' });
    expect(formatMoney(money(5000n, 'JPY'))).toEqual({ amount: '5000', currency: 'JPY' });
    expect(formatMoney(money(5n, 'KWD'))).toEqual({ amount: '0.005', currency: 'KWD' });
    expect(formatMoney(money(-150n, 'EUR'))).toEqual({ amount: '-1.50', currency: 'EUR' });
  });
  it('round-trips with parseMoney for any amount in any payment currency', () =>
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }),
        fc.constantFrom('USD', 'JPY', 'KWD', 'CLF', 'EUR'),
        (minor, currency) => {
          const wire = formatMoney(money(minor, currency));
          expect(wire.amount).toMatch(
            new RegExp(`^\\d+${minorDigitsOf(currency) ? `\\.\\d{${minorDigitsOf(currency)}}` : ''}$`),
          );
          expect(parseMoney(wire)).toEqual({ minor, currency });
          expect(fromWire(wire)).toEqual({ minor, currency });
        },
      ),
    ));
});

describe('decimalToMinor', () => {
  it('tolerates zero decimals beyond the currency’s, for thresholds configured once', () => {
    expect(decimalToMinor('100000.00', 'JPY')).toBe(100000n);
    expect(decimalToMinor('100000.00', 'USD')).toBe(10_000_000n);
  });
  it('still refuses decimals that would be lost', () =>
    expect(decimalToMinor('100000.50', 'JPY')).toMatchObject({ rule: 'money.too-many-decimals' }));
});

describe('arithmetic', () => {
  const usd = (minor: bigint) => money(minor, 'USD');
  it('adds, subtracts and compares in one currency', () => {
    expect(add(usd(150n), usd(250n))).toEqual(usd(400n));
    expect(subtract(usd(150n), usd(250n))).toEqual(usd(-100n));
    expect(compare(usd(1n), usd(2n))).toBe(-1);
    expect(compare(usd(2n), usd(2n))).toBe(0);
  });
  it('refuses to mix currencies', () => {
    expect(() => add(usd(1n), money(1n, 'EUR'))).toThrow(MixedCurrencyError);
    expect(() => compare(usd(1n), money(1n, 'EUR'))).toThrow(MixedCurrencyError);
  });
});

describe('toWireState', () => {
  it('turns every Money inside a state into wire money', () =>
    expect(toWireState({ budget: money(100n, 'USD'), list: [{ amount: money(7n, 'JPY') }], n: 1 })).toEqual({
      budget: { amount: '1.00', currency: 'USD' },
      list: [{ amount: { amount: '7', currency: 'JPY' } }],
      n: 1,
    }));
});
