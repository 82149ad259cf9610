import { add, checkCurrency, checkPositive, compare, subtract } from '../money/arithmetic';
import { formatMoney } from '../money/format-money';
import { checkInGoodStanding } from '../organization/standing';
import { rule, type DomainError } from '../shared/decider';
import { checkText, firstFailure } from '../shared/validation';
import { checkActive, checkNothingDisbursed, checkNothingPending, checkOfferAccepted } from './match.rules';
import type {
  CancelMatch,
  CommitFunds,
  CompleteMatch,
  DecommitFunds,
  MakeMatch,
  MatchCommand,
} from './match.commands';
import type { MatchEvent } from './match.events';
import type { Match, MatchState } from './match.state';
import {
  approveDisbursement,
  confirmReceipt,
  requestDisbursement,
  reverseDisbursement,
} from './disbursements.decide';
import { checkBudgetCovered, setBudget } from './budget';
import { reportExpenditure, reviewExpenditureReport } from './expenditure-reports.decide';
import { budgetTotal } from './reports.state';

type Outcome = MatchEvent[] | DomainError;

export const decideMatch = (command: MatchCommand, state: MatchState): Outcome => {
  if (command.type === 'MakeMatch') return make(command, state);
  if (state.status === 'none') return rule('match.not-found', 'no such match');
  switch (command.type) {
    case 'CommitFunds':
      return commit(command, state);
    case 'DecommitFunds':
      return decommit(command, state);
    case 'RequestDisbursement':
      return requestDisbursement(command, state);
    case 'ApproveDisbursement':
      return approveDisbursement(command, state);
    case 'ConfirmDisbursementReceipt':
      return confirmReceipt(command, state);
    case 'ReverseDisbursement':
      return reverseDisbursement(command, state);
    case 'ReportExpenditure':
      return reportExpenditure(command, state);
    case 'SetBudget':
      return setBudget(command, state);
    case 'ReviewExpenditureReport':
      return reviewExpenditureReport(command, state);
    case 'CompleteMatch':
      return complete(command, state);
    case 'CancelMatch':
      return cancel(command, state);
  }
};

/**
 * The request and offer facts may already show this very match: the handler marks the request
 * matched and accepts the offer around this command, and may retry after a partial failure.
 */
const make = ({ data, metadata }: MakeMatch, state: MatchState): Outcome => {
  const { matchId, requestId, offerId, organizationId, request, offer, organization } = data;
  const requestFree = request.status === 'open' || (request.matchIds ?? []).includes(matchId);
  const offerFree =
    offer.status === 'submitted' || (offer.status === 'accepted' && offer.matchId === matchId);
  const failure = firstFailure(
    () => (state.status === 'none' ? undefined : rule('match.already-made', `${matchId} exists`)),
    () => (requestFree ? undefined : rule('request.not-open', `the request is ${request.status}`)),
    () =>
      offer.requestId === requestId
        ? undefined
        : rule('offer.wrong-request', 'the offer is for another request'),
    () => (offerFree ? undefined : rule('offer.not-submitted', `the offer is ${offer.status}`)),
    () => checkInGoodStanding(organization.status),
    () => (offer.amount ? checkCurrency(request.budget.currency, offer.amount) : undefined),
  );
  if (failure) return failure;
  const currency = request.budget.currency;
  return [
    {
      type: 'MatchMade',
      data: {
        matchId,
        requestId,
        offerId,
        organizationId,
        currency,
        madeBy: metadata.actor.sub,
        ...(offer.kind && offer.kind !== 'funding' && { kind: offer.kind }),
        ...(data.reportBetweenTranches === true && { reportBetweenTranches: true as const }),
      },
    },
  ];
};

const commit = ({ data, metadata }: CommitFunds, match: Match): Outcome => {
  const { amount, request, offer } = data;
  const failure = firstFailure(
    () => checkActive(match),
    () => checkOfferAccepted(match, offer),
    () => checkPositive(amount),
    () => checkCurrency(match.currency, amount) ?? checkCurrency(match.currency, request.budget),
    () =>
      compare(add(match.committed, amount), request.budget) > 0
        ? rule(
            'match.over-committed',
            `commitments would exceed the request budget of ${formatMoney(request.budget).amount}`,
          )
        : undefined,
  );
  if (failure) return failure;
  return [
    {
      type: 'FundsCommitted',
      data: { matchId: match.matchId, amount: formatMoney(amount), committedBy: metadata.actor.sub },
    },
  ];
};

/**
 * Releases committed money, on an active match or a dead one (decision 0180): what is disbursed
 * or waiting for approval stays covered, so `disbursed + pendingApproval ≤ committed` holds.
 */
const decommit = ({ data, metadata }: DecommitFunds, match: Match): Outcome => {
  const { amount, reason } = data;
  const failure = firstFailure(
    () => checkText({ reason }),
    () => checkPositive(amount),
    () => checkCurrency(match.currency, amount),
    () =>
      compare(subtract(match.committed, amount), add(match.disbursed, match.pendingApproval)) < 0
        ? rule(
            'match.under-committed',
            'committed funds would fall below what is disbursed or waiting for approval',
          )
        : undefined,
    () => checkBudgetCovered(budgetTotal(match), subtract(match.committed, amount)),
  );
  if (failure) return failure;
  return [
    {
      type: 'FundsDecommitted',
      data: {
        matchId: match.matchId,
        amount: formatMoney(amount),
        reason,
        decommittedBy: metadata.actor.sub,
      },
    },
  ];
};

const complete = ({ data }: CompleteMatch, match: Match): Outcome =>
  firstFailure(
    () => checkActive(match),
    () => checkNothingPending(match),
  ) ?? [
    {
      type: 'MatchCompleted',
      data: { matchId: match.matchId, ...(data.note !== undefined && { note: data.note }) },
    },
  ];

const cancel = ({ data }: CancelMatch, match: Match): Outcome =>
  firstFailure(
    () => checkActive(match),
    () => checkNothingPending(match),
    () => checkNothingDisbursed(match),
  ) ?? [{ type: 'MatchCancelled', data: { matchId: match.matchId, reason: data.reason } }];
