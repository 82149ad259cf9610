import { StoredShape, Upcaster } from './upcaster';

/**
 * Schema version 1 of `HelpRequestPublished` (the first pilot) stored the budget as a bare number
 * of minor units beside a currency code: `{ budget: 150000, currency: "USD" }`. Version 2 uses
 * the wire's Money shape: `{ budget: { amount: "1500.00", currency: "USD" } }`.
 */
const minorDigits = (currency: string): number =>
  // CLDR's digits, which agree with ISO 4217 for every currency the pilot used.
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;

const formatMinorUnits = (minorUnits: number, currency: string): string => {
  const digits = minorDigits(currency);
  const units = BigInt(minorUnits);
  const magnitude = (units < 0n ? -units : units).toString().padStart(digits + 1, '0');
  const whole = magnitude.slice(0, magnitude.length - digits);
  const fraction = digits > 0 ? `.${magnitude.slice(-digits)}` : '';
  return `${units < 0n ? '-' : ''}${whole}${fraction}`;
};

export const helpRequestPublishedV1: Upcaster = {
  type: 'HelpRequestPublished',
  fromVersion: 1,
  upcast: ({ type, data, metadata }: StoredShape): StoredShape => {
    const { budget, currency, ...rest } = data;
    // Written as version 1 but already in the new shape: leave the data alone.
    if (typeof budget !== 'number' || typeof currency !== 'string') {
      return { type, data, metadata: { ...metadata, schemaVersion: 2 } };
    }
    return {
      type,
      data: { ...rest, budget: { amount: formatMinorUnits(budget, currency), currency } },
      metadata: { ...metadata, schemaVersion: 2 },
    };
  },
};
