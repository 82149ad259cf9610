import { add, subtract } from '../money/arithmetic';
import { fromWire } from '../money/format-money';
import { zero, type Money } from '../money/money';
import type { FundsDisbursed, MatchEvent } from './match.events';
import { budgetSet, expenditureReported, reportReviewed, type BudgetAndReports } from './reports.state';

export type MatchStatus = 'active' | 'completed' | 'cancelled';

/** `requested` lasts only between DisbursementRequested and FundsDisbursed of one append. */
export type DisbursementStatus = 'requested' | 'pending_approval' | 'disbursed' | 'reversed';

export type Receipt = {
  amount: Money;
  receivedOn: string;
  discrepancy?: { expected: Money; received: Money };
};

/** A disbursement. */
export type Disbursement = {
  id: string;
  amount: Money;
  reference: string;
  status: DisbursementStatus;
  requestedBy: string;
  requestedAt: string;
  disbursedAt?: string;
  approvedBy?: string;
  receipt?: Receipt;
};

export type Match = {
  status: MatchStatus;
  matchId: string;
  requestId: string;
  offerId: string;
  organizationId: string;
  currency: string;
  committed: Money;
  disbursed: Money;
  pendingApproval: Money;
  reportedExpenditure: Money;
  confirmedReceived: Money;
  disbursements: Disbursement[];
} & BudgetAndReports;

export type MatchState = { status: 'none' } | Match;

export const initialMatchState: MatchState = { status: 'none' };

export const findDisbursement = (match: Match, id: string): Disbursement | undefined =>
  match.disbursements.find((d) => d.id === id);

const changeDisbursement = (match: Match, id: string, change: (d: Disbursement) => Disbursement): Match => ({
  ...match,
  disbursements: match.disbursements.map((d) => (d.id === id ? change(d) : d)),
});

export const evolveMatch = (state: MatchState, event: MatchEvent): MatchState => {
  if (event.type === 'MatchMade') {
    const { matchId, requestId, offerId, organizationId, currency, reportBetweenTranches } = event.data;
    const none = zero(currency);
    return {
      status: 'active',
      matchId,
      requestId,
      offerId,
      organizationId,
      currency,
      committed: none,
      disbursed: none,
      pendingApproval: none,
      reportedExpenditure: none,
      confirmedReceived: none,
      disbursements: [],
      budget: [],
      reports: [],
      acceptedExpenditure: none,
      reportBetweenTranches: reportBetweenTranches === true,
    };
  }
  if (state.status === 'none') return state;
  return evolveActive(state, event);
};

const evolveActive = (match: Match, event: MatchEvent): Match => {
  switch (event.type) {
    case 'FundsCommitted':
      return { ...match, committed: add(match.committed, fromWire(event.data.amount)) };
    case 'FundsDecommitted':
      return { ...match, committed: subtract(match.committed, fromWire(event.data.amount)) };
    case 'DisbursementRequested': {
      const {
        disbursementId: id,
        amount,
        reference,
        requestedBy,
        requestedAt,
        requiresApproval,
      } = event.data;
      const disbursement: Disbursement = {
        id,
        amount: fromWire(amount),
        reference,
        requestedBy,
        requestedAt,
        status: requiresApproval ? 'pending_approval' : 'requested',
      };
      const pendingApproval = requiresApproval
        ? add(match.pendingApproval, disbursement.amount)
        : match.pendingApproval;
      return { ...match, pendingApproval, disbursements: [...match.disbursements, disbursement] };
    }
    case 'DisbursementApproved':
      return changeDisbursement(match, event.data.disbursementId, (d) => ({
        ...d,
        approvedBy: event.data.approvedBy,
      }));
    case 'FundsDisbursed':
      return fundsDisbursed(match, event.data);
    case 'DisbursementReceiptConfirmed': {
      const { disbursementId, amount, receivedOn, discrepancy } = event.data;
      const receipt: Receipt = {
        amount: fromWire(amount),
        receivedOn,
        ...(discrepancy && {
          discrepancy: { expected: fromWire(discrepancy.expected), received: fromWire(discrepancy.received) },
        }),
      };
      const confirmed = changeDisbursement(match, disbursementId, (d) => ({ ...d, receipt }));
      return { ...confirmed, confirmedReceived: add(match.confirmedReceived, receipt.amount) };
    }
    case 'DisbursementReversed': {
      const reversed = changeDisbursement(match, event.data.disbursementId, (d) => ({
        ...d,
        status: 'reversed',
      }));
      return { ...reversed, disbursed: subtract(match.disbursed, fromWire(event.data.amount)) };
    }
    case 'ExpenditureReported':
      return expenditureReported(match, event.data);
    case 'BudgetSet':
      return budgetSet(match, event.data);
    case 'ExpenditureReportReviewed':
      return reportReviewed(match, event.data);
    case 'MatchCompleted':
      return { ...match, status: 'completed' };
    case 'MatchCancelled':
      return { ...match, status: 'cancelled' };
    default:
      return match;
  }
};

const fundsDisbursed = (
  match: Match,
  { disbursementId: id, disbursedAt, approvedBy }: FundsDisbursed['data'],
): Match => {
  const disbursement = findDisbursement(match, id);
  if (!disbursement) return match;
  const wasPending = disbursement.status === 'pending_approval';
  return {
    ...changeDisbursement(match, id, (d) => ({
      ...d,
      status: 'disbursed',
      disbursedAt,
      ...(approvedBy && { approvedBy }),
    })),
    disbursed: add(match.disbursed, disbursement.amount),
    pendingApproval: wasPending
      ? subtract(match.pendingApproval, disbursement.amount)
      : match.pendingApproval,
  };
};
