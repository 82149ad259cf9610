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
    /** The offer's kind when it is not money (`in-kind`, `expertise`); absent: `funding`. */
    kind?: 'in-kind' | 'expertise';
    /** Present (true) when a tranche after the first waits for an accepted report (decision 0217). */
    reportBetweenTranches?: true;
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

/**
 * The authority an approval relied on (API.md, "Approval authority"): under
 * `DISBURSEMENT_APPROVAL_AUTHORITY=any-officer` any officer but the requester; otherwise the
 * approver's own recorded authority, or one lent to it by `delegatedBy`. Absent on approvals
 * recorded before authorities existed.
 */
export type ApprovalBasis =
  { basis: 'any-officer' } | { basis: 'own' } | { basis: 'delegated'; delegatedBy: string };

export type DisbursementApproved = Event<
  'DisbursementApproved',
  {
    matchId: string;
    disbursementId: string;
    approvedBy: string;
    approvedAt: string;
    authority?: ApprovalBasis;
  }
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

/**
 * The NGO's account of what it spent. Counted in the IATI export (type 4) only once an officer
 * accepted it (`ExpenditureReportReviewed`, docs/audit.md). `reportId` is absent from events of
 * schema version 1: the store's upcaster gives them their event id (decision 0215).
 */
export type ExpenditureReported = Event<
  'ExpenditureReported',
  {
    matchId: string;
    reportId: string;
    amount: WireMoney;
    description: string;
    period: { from: string; to: string };
    reportedBy: string;
    /** The budget lines the amount was spent on; they add up to `amount`. */
    lines?: ReportLine[];
    /** The report this one corrects, and the amount that report had (no longer reported). */
    replaces?: string;
    replacedAmount?: WireMoney;
  }
>;

export type ReportLine = { code: string; amount: WireMoney };

export type BudgetLineData = { code: string; description: string; amount: WireMoney };

/** The match's budget, all lines at once: a later one replaces it whole. */
export type BudgetSet = Event<'BudgetSet', { matchId: string; lines: BudgetLineData[]; setBy: string }>;

export type ReportDecision = 'accepted' | 'changes_requested';

/** An officer's one review of a report; `amount` and `period` are the report's, for the exports. */
export type ExpenditureReportReviewed = Event<
  'ExpenditureReportReviewed',
  {
    matchId: string;
    reportId: string;
    decision: ReportDecision;
    note: string;
    amount: WireMoney;
    period: { from: string; to: string };
    reviewedBy: string;
    reviewedAt: string;
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
  | BudgetSet
  | ExpenditureReportReviewed
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
  BudgetSet: true,
  ExpenditureReportReviewed: true,
  MatchCompleted: true,
  MatchCancelled: true,
});
