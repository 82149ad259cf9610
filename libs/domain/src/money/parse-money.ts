import { rule, type DomainError } from '../shared/decider';
import { minorDigitsOf } from './currencies';
import { money, type Money } from './money';

/** PostgreSQL `bigint` holds the minor units of any amount the read models store. */
const maxMinor = 2n ** 63n - 1n;

const decimal = /^(\d+)(?:\.(\d+))?$/;

/**
 * Wire money -> Money. Refuses numbers (floats lose cents), negatives, exponents (`1e5`),
 * more decimals than the currency has, unknown currencies and amounts beyond a bigint column.
 */
export const parseMoney = (value: unknown): Money | DomainError => {
  if (typeof value !== 'object' || value === null) {
    return rule('money.invalid-amount', 'money must be { amount: "1234.56", currency: "USD" }');
  }
  const { amount, currency } = value as Record<string, unknown>;
  if (typeof currency !== 'string')
    return rule('money.unknown-currency', 'currency must be an ISO 4217 code');
  if (typeof amount !== 'string') {
    return rule('money.invalid-amount', 'amount must be a decimal string such as "1234.56"');
  }
  return parseAmount(amount, currency, 'strict');
};

/**
 * A decimal in a currency's minor units, tolerating extra zero decimals ("100000.00" in JPY):
 * for configured limits such as the approval threshold, which are written once for every currency.
 */
export const decimalToMinor = (amount: string, currency: string): bigint | DomainError => {
  const parsed = parseAmount(amount, currency, 'lenient');
  return 'kind' in parsed ? parsed : parsed.minor;
};

const parseAmount = (amount: string, currency: string, mode: 'strict' | 'lenient'): Money | DomainError => {
  const digits = minorDigitsOf(currency);
  if (digits === undefined)
    return rule('money.unknown-currency', `${currency} is not an ISO 4217 payment currency`);
  const match = decimal.exec(amount);
  if (!match) {
    return rule('money.invalid-amount', `"${amount}" is not a non-negative decimal such as "1234.56"`);
  }
  const [, whole, fraction = ''] = match;
  const kept = fraction.slice(0, digits);
  const dropped = fraction.slice(digits);
  if (dropped !== '' && (mode === 'strict' || /[1-9]/.test(dropped))) {
    return rule('money.too-many-decimals', `${currency} has ${digits} minor digits`);
  }
  const minor = BigInt(whole + kept.padEnd(digits, '0'));
  if (minor > maxMinor) return rule('money.too-large', `${amount} ${currency} is too large`);
  return money(minor, currency);
};
