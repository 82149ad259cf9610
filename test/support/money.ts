import { parseMoney, type Money } from '@multitrack/domain';

/** Domain money from its decimal text, for scenes written through the deciders, not over HTTP. */
export const money = (amount: string, currency = 'USD'): Money => {
  const parsed = parseMoney({ amount, currency });
  if ('kind' in parsed) throw new Error(parsed.message);
  return parsed;
};
