import { fromWire } from '../money/format-money';
import type { Money } from '../money/money';
import type { ApprovalAuthorityEvent } from './approval-authority.events';

export type AuthorityLimit = { limit: Money; validUntil?: string };

/** What the officer lent; `limit` absent: every currency, up to the officer's own limit there. */
export type Delegation = { to: string; until: string; limit?: Money };

/** Who lent to the officer (where its approvals look for delegated authority). */
export type ReceivedDelegation = { from: string; until: string; currency?: string };

export type ApprovalAuthority = {
  status: 'recorded';
  officer: string;
  /** One limit per currency. */
  limits: Record<string, AuthorityLimit>;
  delegations: Delegation[];
  received: ReceivedDelegation[];
};

export type ApprovalAuthorityState = { status: 'none' } | ApprovalAuthority;

export const initialApprovalAuthorityState: ApprovalAuthorityState = { status: 'none' };

const sameScope = (a: { to: string; limit?: Money }, b: { to: string; limit?: Money }) =>
  a.to === b.to && a.limit?.currency === b.limit?.currency;

const recorded = (state: ApprovalAuthorityState, officer: string): ApprovalAuthority =>
  state.status === 'none'
    ? { status: 'recorded', officer, limits: {}, delegations: [], received: [] }
    : state;

export const evolveApprovalAuthority = (
  state: ApprovalAuthorityState,
  event: ApprovalAuthorityEvent,
): ApprovalAuthorityState => {
  switch (event.type) {
    case 'ApprovalAuthorityGranted':
    case 'ApprovalAuthorityReplaced': {
      const { officer, limit, validUntil } = event.data;
      const current = recorded(state, officer);
      const held: AuthorityLimit = { limit: fromWire(limit), ...(validUntil && { validUntil }) };
      return { ...current, limits: { ...current.limits, [limit.currency]: held } };
    }
    case 'ApprovalAuthorityRevoked': {
      const current = recorded(state, event.data.officer);
      const { [event.data.currency]: _revoked, ...limits } = current.limits;
      const delegations = current.delegations.filter((d) => d.limit?.currency !== event.data.currency);
      return { ...current, limits, delegations };
    }
    case 'ApprovalAuthorityDelegated': {
      const { officer, to, until, limit } = event.data;
      const current = recorded(state, officer);
      const delegation: Delegation = { to, until, ...(limit && { limit: fromWire(limit) }) };
      // A new delegation to the same officer in the same currency replaces the earlier one.
      const delegations = current.delegations.filter((d) => !sameScope(d, delegation));
      return { ...current, delegations: [...delegations, delegation] };
    }
    case 'ApprovalAuthorityReceived': {
      const { officer, from, until, limit } = event.data;
      const current = recorded(state, officer);
      const currency = limit?.currency;
      const received = current.received.filter((r) => r.from !== from || r.currency !== currency);
      return { ...current, received: [...received, { from, until, ...(currency && { currency }) }] };
    }
    case 'ApprovalAuthorityExercised':
      return recorded(state, event.data.officer);
    default:
      return state;
  }
};
