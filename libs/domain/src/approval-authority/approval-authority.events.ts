import type { Event } from '../shared/decider';
import type { WireMoney } from '../money/money';
import { listOf } from '../shared/type-list';

/**
 * The stream `authority-{officer}` of one officer (`officer`: the normalised identity, `officerKey`)
 * holds the limits an admin gave it, what it lent to others, what others lent to it, and every
 * approval that relied on it. Nothing is forgotten: a revoked or replaced limit stays in the log.
 */

/** The largest single tranche the officer may approve in `limit.currency`, until `validUntil` (inclusive). */
export type ApprovalAuthorityGranted = Event<
  'ApprovalAuthorityGranted',
  { officer: string; limit: WireMoney; validUntil?: string; grantedBy: string }
>;

/** A new limit in a currency the officer already held one in (`previous`). */
export type ApprovalAuthorityReplaced = Event<
  'ApprovalAuthorityReplaced',
  { officer: string; limit: WireMoney; validUntil?: string; previous: WireMoney; replacedBy: string }
>;

/** Revoking the limit also withdraws what the officer lent in that currency. */
export type ApprovalAuthorityRevoked = Event<
  'ApprovalAuthorityRevoked',
  { officer: string; currency: string; revokedBy: string }
>;

/**
 * On the lender's stream: `to` may approve under the lender's authority until `until` (inclusive),
 * at most `limit` (in its currency), never more than the lender's own limit on the day of approval.
 * Without `limit`, every currency the lender holds a limit in, up to that limit.
 */
export type ApprovalAuthorityDelegated = Event<
  'ApprovalAuthorityDelegated',
  { officer: string; to: string; until: string; limit?: WireMoney }
>;

/**
 * On the delegate's stream, written with the delegation: it tells the delegate's approvals where
 * to look. The lender's stream alone decides whether the delegation still holds.
 */
export type ApprovalAuthorityReceived = Event<
  'ApprovalAuthorityReceived',
  { officer: string; from: string; until: string; limit?: WireMoney }
>;

/**
 * An approval relied on this authority (`approvedBy` the officer itself, or a delegate). Written
 * with the approval, at the revision the approval read: a revocation in between clashes with it.
 */
export type ApprovalAuthorityExercised = Event<
  'ApprovalAuthorityExercised',
  {
    officer: string;
    approvedBy: string;
    delegated: boolean;
    matchId: string;
    disbursementId: string;
    amount: WireMoney;
  }
>;

export type ApprovalAuthorityEvent =
  | ApprovalAuthorityGranted
  | ApprovalAuthorityReplaced
  | ApprovalAuthorityRevoked
  | ApprovalAuthorityDelegated
  | ApprovalAuthorityReceived
  | ApprovalAuthorityExercised;

export const approvalAuthorityEventTypes = listOf<ApprovalAuthorityEvent['type']>({
  ApprovalAuthorityGranted: true,
  ApprovalAuthorityReplaced: true,
  ApprovalAuthorityRevoked: true,
  ApprovalAuthorityDelegated: true,
  ApprovalAuthorityReceived: true,
  ApprovalAuthorityExercised: true,
});
