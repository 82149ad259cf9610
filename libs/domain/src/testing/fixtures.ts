import type { CommandMetadata } from '../shared/decider';
import type { Money } from '../money/money';
import { parseMoney } from '../money/parse-money';

export const now = '2025-06-01T12:00:00.000Z';

export const officer = (sub = 'officer-1'): CommandMetadata['actor'] => ({ sub, roles: ['officer'] });

export const ngo = (organizationId: string, sub = `user-of-${organizationId}`): CommandMetadata['actor'] => ({
  sub,
  roles: ['ngo'],
  organizationId,
});

export const by = (actor: CommandMetadata['actor'], at = now): CommandMetadata => ({ actor, now: at });

/** `usd('250000.00')`: test money from its wire form. */
export const moneyOf =
  (currency: string) =>
  (amount: string): Money => {
    const parsed = parseMoney({ amount, currency });
    if ('kind' in parsed) throw new Error(parsed.message);
    return parsed;
  };

export const usd = moneyOf('USD');
export const eur = moneyOf('EUR');
export const jpy = moneyOf('JPY');
