import { add, checkCurrency, checkPositive, compare } from '../money/arithmetic';
import { formatMoney } from '../money/format-money';
import { checkInGoodStanding } from '../organization/standing';
import { rule, type DomainError } from '../shared/decider';
import { sameOfficer } from '../shared/officer';
import { checkDates, checkText, firstFailure } from '../shared/validation';
import { checkReportBeforeTranche } from './expenditure-reports.decide';
import { approvalNeeded } from './approval-policy';
import type {
  ApproveDisbursement,
  ConfirmDisbursementReceipt,
  RequestDisbursement,
  ReverseDisbursement,
} from './match.commands';
import { checkActive, checkMatchedOrganization, checkOfferAccepted } from './match.rules';
import type { MatchEvent } from './match.events';
import { findDisbursement, type Disbursement, type Match } from './match.state';

type Outcome = MatchEvent[] | DomainError;

const disbursement = (match: Match, id: string): Disbursement | DomainError =>
  findDisbursement(match, id) ?? rule('disbursement.not-found', `no disbursement ${id} in this match`);

export const requestDisbursement = ({ data, metadata }: RequestDisbursement, match: Match): Outcome => {
  const { disbursementId, amount, reference, policy, organization, offer } = data;
  const failure = firstFailure(
    () => checkActive(match),
    () => checkOfferAccepted(match, offer),
    () =>
      findDisbursement(match, disbursementId)
        ? rule('disbursement.duplicate', `${disbursementId} exists`)
        : undefined,
    () => checkInGoodStanding(organization.status),
    () => checkText({ reference }),
    () => checkPositive(amount),
    () => checkCurrency(match.currency, amount),
    () =>
      compare(add(add(match.disbursed, match.pendingApproval), amount), match.committed) > 0
        ? rule('match.over-disbursed', 'disbursed and pending tranches would exceed the committed funds')
        : undefined,
    () => checkReportBeforeTranche(match),
  );
  if (failure) return failure;
  const approvalReason = approvalNeeded(match, amount, policy, metadata.now, data.organizationReleases);
  const wire = formatMoney(amount);
  const ids = { matchId: match.matchId, disbursementId };
  const requested: MatchEvent = {
    type: 'DisbursementRequested',
    data: {
      ...ids,
      amount: wire,
      reference,
      requestedBy: metadata.actor.sub,
      requestedAt: metadata.now,
      requiresApproval: approvalReason !== undefined,
      ...(approvalReason && { approvalReason }),
    },
  };
  if (approvalReason) return [requested];
  return [
    requested,
    { type: 'FundsDisbursed', data: { ...ids, amount: wire, reference, disbursedAt: metadata.now } },
  ];
};

/** Four eyes: the officer who asked for the money cannot be the one who releases it. */
export const approveDisbursement = ({ data, metadata }: ApproveDisbursement, match: Match): Outcome => {
  const found = disbursement(match, data.disbursementId);
  if ('kind' in found) return found;
  const approvedBy = metadata.actor.sub;
  const failure = firstFailure(
    () => checkActive(match),
    () =>
      found.status === 'pending_approval'
        ? undefined
        : rule('disbursement.not-pending', `the disbursement is ${found.status}`),
    () =>
      sameOfficer(found.requestedBy, approvedBy)
        ? rule(
            'disbursement.self-approval',
            'a disbursement is approved by another officer than its requester',
          )
        : undefined,
    () => checkInGoodStanding(data.organization.status),
  );
  if (failure) return failure;
  const ids = { matchId: match.matchId, disbursementId: found.id };
  return [
    {
      type: 'DisbursementApproved',
      data: {
        ...ids,
        approvedBy,
        approvedAt: metadata.now,
        ...(data.authority && { authority: data.authority }),
      },
    },
    {
      type: 'FundsDisbursed',
      data: {
        ...ids,
        amount: formatMoney(found.amount),
        reference: found.reference,
        disbursedAt: metadata.now,
        approvedBy,
      },
    },
  ];
};

/** Both sides of a transfer are kept: a different amount is a recorded discrepancy, not an error. */
export const confirmReceipt = ({ data, metadata }: ConfirmDisbursementReceipt, match: Match): Outcome => {
  const found = disbursement(match, data.disbursementId);
  if ('kind' in found) return found;
  const { amount, receivedOn } = data;
  const failure = firstFailure(
    () => checkMatchedOrganization(match, metadata),
    () =>
      found.status === 'disbursed'
        ? undefined
        : rule('disbursement.not-disbursed', `the disbursement is ${found.status}`),
    () =>
      found.receipt
        ? rule('disbursement.receipt-already-confirmed', 'receipt was already confirmed')
        : undefined,
    () => checkCurrency(match.currency, amount),
    () => checkDates({ receivedOn }),
  );
  if (failure) return failure;
  const [expected, received] = [formatMoney(found.amount), formatMoney(amount)];
  const discrepancy = compare(found.amount, amount) === 0 ? undefined : { expected, received };
  return [
    {
      type: 'DisbursementReceiptConfirmed',
      data: {
        matchId: match.matchId,
        disbursementId: found.id,
        amount: received,
        receivedOn,
        confirmedBy: metadata.actor.sub,
        ...(discrepancy && { discrepancy }),
      },
    },
  ];
};

/** Money that bounced or came back; once the NGO confirmed receipt, it did arrive. */
export const reverseDisbursement = ({ data, metadata }: ReverseDisbursement, match: Match): Outcome => {
  const found = disbursement(match, data.disbursementId);
  if ('kind' in found) return found;
  if (found.status !== 'disbursed' || found.receipt) {
    return rule(
      'disbursement.not-reversible',
      'only a disbursed disbursement without a confirmed receipt is reversed',
    );
  }
  return [
    {
      type: 'DisbursementReversed',
      data: {
        matchId: match.matchId,
        disbursementId: found.id,
        amount: formatMoney(found.amount),
        reason: data.reason,
        reversedBy: metadata.actor.sub,
      },
    },
  ];
};
