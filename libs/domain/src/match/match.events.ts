import type { Event } from '../shared/decider';
import type { WireMoney } from '../money/money';
import { listOf } from '../shared/type-list';

export type MatchMade = Event<
  'MatchMade',
  {
    matchId: string;
    requestId: string;
    offerId: string;
    organizationId: string;
    currency: string;
    madeBy: string;
  }
>;

/** IATI transaction type 2 (outgoing commitment). */
export type FundsCommitted = Event<
  'FundsCommitted',
  { matchId: string; amount: WireMoney; committedBy: string }
>;

/**
 * Committed money given back (decision 0180): lowers the IATI type-2 total, exported as a
 * type-2 transaction with a negative value. Possible on an active match and on a dead one.
 */
export type FundsDecommitted = Event<
  'FundsDecommitted',
  { matchId: string; amount: WireMoney; reason: string; decommittedBy: string }
>;

export type ApprovalReason = 'amount-above-threshold' | 'window-total-above-threshold';

export type DisbursementRequested = Event<
  'DisbursementRequested',
  {
    matchId: string;
    disbursementId: string;
    amount: WireMoney;
    reference: string;
    requestedBy: string;
    /** ISO instant; the approval window is measured from the release instants. */
    requestedAt: string;
    requiresApproval: boolean;
    approvalReason?: ApprovalReason;
  }
>;

export type DisbursementApproved = Event<
  'DisbursementApproved',
  { matchId: string; disbursementId: string; approvedBy: string; approvedAt: string }
>;

/** IATI transaction type 3 (disbursement). `approvedBy` is absent when no second approval was needed. */
export type FundsDisbursed = Event<
  'FundsDisbursed',
  {
    matchId: string;
    disbursementId: string;
    amount: WireMoney;
    reference: string;
    disbursedAt: string;
    approvedBy?: string;
  }
>;

export type Discrepancy = { expected: WireMoney; received: WireMoney };

/** The NGO's side of a transfer; `discrepancy` only when the amounts differ. */
export type DisbursementReceiptConfirmed = Event<
  'DisbursementReceiptConfirmed',
  {
    matchId: string;
    disbursementId: string;
    amount: WireMoney;
    receivedOn: string;
    confirmedBy: string;
    discrepancy?: Discrepancy;
  }
>;

export type DisbursementReversed = Event<
  'DisbursementReversed',
  { matchId: string; disbursementId: string; amount: WireMoney; reason: string; reversedBy: string }
>;

/** IATI transaction type 4 (expenditure). */
export type ExpenditureReported = Event<
  'ExpenditureReported',
  {
    matchId: string;
    amount: WireMoney;
    description: string;
    period: { from: string; to: string };
    reportedBy: string;
  }
>;

export type MatchCompleted = Event<'MatchCompleted', { matchId: string; note?: string }>;

export type MatchCancelled = Event<'MatchCancelled', { matchId: string; reason: string }>;

export type MatchEvent =
  | MatchMade
  | FundsCommitted
  | FundsDecommitted
  | DisbursementRequested
  | DisbursementApproved
  | FundsDisbursed
  | DisbursementReceiptConfirmed
  | DisbursementReversed
  | ExpenditureReported
  | MatchCompleted
  | MatchCancelled;

export const matchEventTypes = listOf<MatchEvent['type']>({
  MatchMade: true,
  FundsCommitted: true,
  FundsDecommitted: true,
  DisbursementRequested: true,
  DisbursementApproved: true,
  FundsDisbursed: true,
  DisbursementReceiptConfirmed: true,
  DisbursementReversed: true,
  ExpenditureReported: true,
  MatchCompleted: true,
  MatchCancelled: true,
});
