import { compare } from '../money/arithmetic';
import type { Money } from '../money/money';
import { officerKey } from '../shared/officer';
import type { ApprovalAuthorityState } from './approval-authority.state';

/** The calendar day (UTC) of an instant: limits and delegations are valid through their last day. */
export const dayOf = (now: string): string => now.slice(0, 10);

const smaller = (a: Money, b: Money): Money => (compare(a, b) <= 0 ? a : b);

/** The holder's own limit in `currency`, if it holds one valid on `day`. */
export const ownLimitOn = (
  state: ApprovalAuthorityState,
  currency: string,
  day: string,
): Money | undefined => {
  if (state.status === 'none') return undefined;
  const held = state.limits[currency];
  if (!held || (held.validUntil !== undefined && held.validUntil < day)) return undefined;
  return held.limit;
};

/**
 * The largest tranche `approver` may approve in `currency` on `day` under this stream's authority:
 * the holder's own limit for the holder; for a delegate, what was lent, never more than the
 * holder's own limit that day (API.md: revoking or lowering it revokes or lowers what it lent).
 */
export const authorityOn = (
  state: ApprovalAuthorityState,
  approver: string,
  currency: string,
  day: string,
): Money | undefined => {
  const own = ownLimitOn(state, currency, day);
  if (state.status === 'none' || own === undefined) return undefined;
  const key = officerKey(approver);
  if (key === state.officer) return own;
  const lent = state.delegations
    .filter((d) => d.to === key && d.until >= day && (d.limit === undefined || d.limit.currency === currency))
    .map((d) => (d.limit ? smaller(d.limit, own) : own));
  return lent.reduce<Money | undefined>((best, m) => (best && compare(best, m) >= 0 ? best : m), undefined);
};

/** Whether the authority of this stream lets `approver` approve `amount` on `day`. */
export const covers = (
  state: ApprovalAuthorityState,
  approver: string,
  amount: Money,
  day: string,
): boolean => {
  const limit = authorityOn(state, approver, amount.currency, day);
  return limit !== undefined && compare(amount, limit) <= 0;
};

/**
 * Which of the authorities an approver could rely on (its own first, then those lent to it) covers
 * the tranche: the index of the first that does, or `undefined`.
 */
export const authorityToRelyOn = (
  candidates: ApprovalAuthorityState[],
  approver: string,
  amount: Money,
  day: string,
): number | undefined => {
  const index = candidates.findIndex((state) => covers(state, approver, amount, day));
  return index < 0 ? undefined : index;
};
