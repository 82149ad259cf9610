import { rule, type DomainError } from '../shared/decider';
import type { Money } from './money';

/**
 * Thrown when code adds apples to oranges. Deciders check currencies first (`checkCurrency`) and
 * return `money.currency-mismatch` as a value; reaching this throw is a programming error.
 */
export class MixedCurrencyError extends Error {
  constructor(a: Money, b: Money) {
    super(`cannot combine ${a.currency} with ${b.currency}`);
  }
}

const same = (a: Money, b: Money): void => {
  if (a.currency !== b.currency) throw new MixedCurrencyError(a, b);
};

export const add = (a: Money, b: Money): Money => {
  same(a, b);
  return { minor: a.minor + b.minor, currency: a.currency };
};

export const subtract = (a: Money, b: Money): Money => {
  same(a, b);
  return { minor: a.minor - b.minor, currency: a.currency };
};

/** -1, 0 or 1, like a sort comparator. */
export const compare = (a: Money, b: Money): -1 | 0 | 1 => {
  same(a, b);
  return a.minor < b.minor ? -1 : a.minor > b.minor ? 1 : 0;
};

export const sum = (currency: string, amounts: Iterable<Money>): Money => {
  let total: Money = { minor: 0n, currency };
  for (const amount of amounts) total = add(total, amount);
  return total;
};

export const isPositive = (m: Money): boolean => m.minor > 0n;

export const checkCurrency = (expected: string, actual: Money): DomainError | undefined =>
  actual.currency === expected
    ? undefined
    : rule('money.currency-mismatch', `expected ${expected}, got ${actual.currency}`);

export const checkPositive = (m: Money, field = 'amount'): DomainError | undefined =>
  isPositive(m) ? undefined : rule('money.not-positive', `${field} must be greater than zero`);
