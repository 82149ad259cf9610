import type { Command } from '../shared/decider';
import type { Money } from '../money/money';
import type { OfferKind, OfferStatus } from '../offer/offer.state';
import type { OrganizationStatus } from '../organization/organization.state';
import type { RequestStatus } from '../request/request.state';
import type { UnreviewedRelease } from '../release-window/release-window';
import type { ApprovalBasis } from './match.events';

/** Facts the handler reads from other streams; a decider sees one stream only. */
type OrganizationFact = { status: OrganizationStatus | 'none' };

/** The match's offer as its own stream tells it: money goes only where the offer was accepted for this match. */
export type MatchedOfferFact = { status: OfferStatus | 'none'; matchId?: string };

export type MakeMatch = Command<
  'MakeMatch',
  {
    matchId: string;
    requestId: string;
    offerId: string;
    /** The offering organisation (from the offer), which will receive the money. */
    organizationId: string;
    /** `matchId`: the match the request is already matched to, if any. */
    request: { status: RequestStatus | 'none'; budget: Money; matchIds?: string[] };
    offer: {
      status: OfferStatus | 'none';
      requestId: string;
      amount?: Money;
      kind?: OfferKind;
      matchId?: string;
    };
    organization: OrganizationFact;
    /** Each tranche after the first waits for an accepted report (default false). */
    reportBetweenTranches?: boolean;
  }
>;

/** `request.budget` is the request's current budget (it may only grow once matched). */
export type CommitFunds = Command<
  'CommitFunds',
  { amount: Money; request: { budget: Money }; offer: MatchedOfferFact }
>;

/** Gives committed money back; never below what is disbursed or waiting for approval. */
export type DecommitFunds = Command<'DecommitFunds', { amount: Money; reason: string }>;

export type DisbursementPolicy = {
  /** Minor units of the match currency; a tranche above it, alone or with recent ones, waits for approval. */
  approvalThreshold: bigint;
  windowDays: number;
};

export type RequestDisbursement = Command<
  'RequestDisbursement',
  {
    disbursementId: string;
    amount: Money;
    /** The ministry's payment reference. */
    reference: string;
    policy: DisbursementPolicy;
    organization: OrganizationFact;
    offer: MatchedOfferFact;
    /**
     * The organisation's four-eyes window (its `window-` stream): tranches released to it without
     * a second approval through any of its matches. Absent: this match's own releases only.
     */
    organizationReleases?: UnreviewedRelease[];
  }
>;

/** `authority`: what the handler found the approval may rely on, recorded on the approval. */
export type ApproveDisbursement = Command<
  'ApproveDisbursement',
  { disbursementId: string; organization: OrganizationFact; authority?: ApprovalBasis }
>;

export type ConfirmDisbursementReceipt = Command<
  'ConfirmDisbursementReceipt',
  { disbursementId: string; amount: Money; /** YYYY-MM-DD */ receivedOn: string }
>;

/** The transfer failed or came back; only a tranche whose receipt is not confirmed. */
export type ReverseDisbursement = Command<'ReverseDisbursement', { disbursementId: string; reason: string }>;

export type ReportExpenditure = Command<
  'ReportExpenditure',
  {
    /** Chosen by the handler (from the Idempotency-Key when there is one). */
    reportId: string;
    amount: Money;
    description: string;
    period: { from: string; to: string };
    lines?: { code: string; amount: Money }[];
    replaces?: string;
  }
>;

/** Replaces the whole budget of the match. */
export type SetBudget = Command<
  'SetBudget',
  { lines: { code: string; description: string; amount: Money }[] }
>;

export type ReviewExpenditureReport = Command<
  'ReviewExpenditureReport',
  { reportId: string; decision: 'accepted' | 'changes_requested'; note: string }
>;

export type CompleteMatch = Command<'CompleteMatch', { note?: string }>;

export type CancelMatch = Command<'CancelMatch', { reason: string }>;

export type MatchCommand =
  | MakeMatch
  | CommitFunds
  | DecommitFunds
  | RequestDisbursement
  | ApproveDisbursement
  | ConfirmDisbursementReceipt
  | ReverseDisbursement
  | ReportExpenditure
  | SetBudget
  | ReviewExpenditureReport
  | CompleteMatch
  | CancelMatch;
