import { formatMoney } from './format-money';
import type { Money } from './money';

const isMoney = (value: unknown): value is Money =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Money).minor === 'bigint' &&
  typeof (value as Money).currency === 'string';

/**
 * An aggregate state as JSON: every Money becomes `{ amount, currency }` with the currency's minor
 * digits. For time travel and any other place that shows a state outside the domain.
 */
export const toWireState = (value: unknown): unknown => {
  if (isMoney(value)) return formatMoney(value);
  if (Array.isArray(value)) return value.map(toWireState);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toWireState(inner)]));
  }
  return value;
};
