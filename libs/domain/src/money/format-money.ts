import { minorDigitsOf } from './currencies';
import type { Money, WireMoney } from './money';

/** Money -> wire, always with exactly the currency's minor digits ("300000.00", "5000" for JPY). */
export const formatMoney = ({ minor, currency }: Money): WireMoney => {
  const digits = minorDigitsOf(currency);
  if (digits === undefined) throw new Error(`cannot format money in unknown currency ${currency}`);
  const sign = minor < 0n ? '-' : '';
  const units = (minor < 0n ? -minor : minor).toString().padStart(digits + 1, '0');
  const amount = digits === 0 ? units : `${units.slice(0, -digits)}.${units.slice(-digits)}`;
  return { amount: sign + amount, currency };
};

/**
 * Wire -> Money for data already validated when it was decided (event data). A failure here means
 * a corrupted log, so it throws rather than returning a business rule.
 */
export const fromWire = ({ amount, currency }: WireMoney): Money => {
  const digits = minorDigitsOf(currency);
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount);
  if (digits === undefined || !match || (match[3] ?? '').length > digits) {
    throw new Error(`malformed money in event data: ${amount} ${currency}`);
  }
  const [, sign, whole, fraction = ''] = match;
  const minor = BigInt(whole + fraction.padEnd(digits, '0'));
  return { minor: sign ? -minor : minor, currency };
};
