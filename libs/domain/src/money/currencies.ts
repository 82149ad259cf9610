import { code } from 'currency-codes';

/**
 * ISO 4217 lists these with minor unit "N.A.": precious metals, bond-market units, fund codes and
 * the testing/no-currency codes. Nobody is paid in them, and `currency-codes` reports 0 digits for
 * them, which would be a silent guess.
 */
const notPaymentCurrencies = new Set([
  'XAG',
  'XAU',
  'XBA',
  'XBB',
  'XBC',
  'XBD',
  'XDR',
  'XPD',
  'XPT',
  'XSU',
  'XTS',
  'XUA',
  'XXX',
]);

/** The currency's minor digits (2 for USD, 0 for JPY, 3 for KWD), or undefined if not a payment currency. */
export const minorDigitsOf = (currency: string): number | undefined => {
  if (!/^[A-Z]{3}$/.test(currency) || notPaymentCurrencies.has(currency)) return undefined;
  return code(currency)?.digits;
};

export const isCurrency = (currency: string): boolean => minorDigitsOf(currency) !== undefined;
