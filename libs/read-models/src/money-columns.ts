import { formatMoney, fromWire, type WireMoney } from '@multitrack/domain';

/**
 * Read models keep money as integer minor units in `numeric(38,0)` columns beside a currency
 * column; queries select them `::text`, so no amount ever passes through a float.
 */
export const minorOf = (money: WireMoney): string => fromWire(money).minor.toString();

export const wireOf = (minor: string | number | bigint | null, currency: string | null): WireMoney | null =>
  minor === null || currency === null ? null : formatMoney({ minor: BigInt(minor), currency });

export const wireOrZero = (minor: string | null, currency: string): WireMoney =>
  formatMoney({ minor: BigInt(minor ?? 0), currency });
