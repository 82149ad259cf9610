import { checkCurrency, checkPositive } from '../money/arithmetic';
import { formatMoney } from '../money/format-money';
import { checkInGoodStanding } from '../organization/standing';
import { rule, type CommandMetadata, type DomainError } from '../shared/decider';
import { checkDates, checkText, firstFailure } from '../shared/validation';
import type {
  AcceptOffer,
  DeclineOffer,
  OfferCommand,
  ReviseOffer,
  SubmitOffer,
  WithdrawOffer,
} from './offer.commands';
import type { OfferEvent } from './offer.events';
import type { Offer, OfferState } from './offer.state';

type Outcome = OfferEvent[] | DomainError;

export const decideOffer = (command: OfferCommand, state: OfferState): Outcome => {
  if (command.type === 'SubmitOffer') return submit(command, state);
  if (state.status === 'none') return rule('offer.not-found', 'no such offer');
  switch (command.type) {
    case 'ReviseOffer':
      return revise(command, state);
    case 'WithdrawOffer':
      return withdraw(command, state);
    case 'AcceptOffer':
      return answer(command, state, 'OfferAccepted');
    case 'DeclineOffer':
      return answer(command, state, 'OfferDeclined');
  }
};

/** Ownership is the domain's rule; whether the caller may act as an NGO at all is the API's. */
const checkOwnOffer = (organizationId: string, metadata: CommandMetadata): DomainError | undefined =>
  metadata.actor.organizationId === organizationId
    ? undefined
    : rule('offer.not-yours', 'only the offering organisation may do this');

const checkPeriod = (startDate: string, endDate: string): DomainError | undefined =>
  checkDates({ startDate, endDate }) ??
  (endDate >= startDate ? undefined : rule('offer.invalid-period', 'endDate is before startDate'));

const submit = ({ data, metadata }: SubmitOffer, state: OfferState): Outcome => {
  const { offerId, requestId, organizationId, summary, amount, startDate, endDate, request, organization } =
    data;
  const kind = data.kind ?? 'funding';
  const failure = firstFailure(
    () => (state.status === 'none' ? undefined : rule('offer.already-submitted', `${offerId} exists`)),
    () => checkOwnOffer(organizationId, metadata),
    () => checkInGoodStanding(organization.status),
    () =>
      request.status === 'open' ? undefined : rule('request.not-open', `the request is ${request.status}`),
    () => checkText({ summary }),
    () =>
      amount || kind !== 'funding'
        ? undefined
        : rule('offer.amount-required', 'a funding offer names its amount'),
    () => (amount ? (checkPositive(amount) ?? checkCurrency(request.currency, amount)) : undefined),
    () => checkPeriod(startDate, endDate),
  );
  if (failure) return failure;
  const offer = {
    offerId,
    requestId,
    organizationId,
    summary,
    kind,
    ...(amount && { amount: formatMoney(amount) }),
    currency: request.currency,
    startDate,
    endDate,
  };
  return [{ type: 'OfferSubmitted', data: offer }];
};

const revise = ({ data, metadata }: ReviseOffer, offer: Offer): Outcome => {
  const { summary, amount, startDate, endDate } = data;
  if ([summary, amount, startDate, endDate].every((field) => field === undefined)) {
    return rule('offer.nothing-to-revise', 'name at least one of summary, amount, startDate, endDate');
  }
  const failure = firstFailure(
    () => checkOwnOffer(offer.organizationId, metadata),
    () =>
      offer.status === 'submitted' ? undefined : rule('offer.not-submitted', `the offer is ${offer.status}`),
    () => checkText({ summary }),
    () => (amount ? (checkPositive(amount) ?? checkCurrency(offer.currency, amount)) : undefined),
    () => checkPeriod(startDate ?? offer.startDate, endDate ?? offer.endDate),
  );
  if (failure) return failure;
  const changes = {
    ...(summary !== undefined && { summary }),
    ...(amount !== undefined && { amount: formatMoney(amount) }),
    ...(startDate !== undefined && { startDate }),
    ...(endDate !== undefined && { endDate }),
  };
  return [{ type: 'OfferRevised', data: { offerId: offer.offerId, ...changes } }];
};

const withdraw = ({ data, metadata }: WithdrawOffer, offer: Offer): Outcome =>
  firstFailure(
    () => checkOwnOffer(offer.organizationId, metadata),
    () =>
      offer.status === 'submitted'
        ? undefined
        : rule(
            'offer.not-withdrawable',
            `the offer is ${offer.status}; only a submitted offer can be withdrawn`,
          ),
  ) ?? [{ type: 'OfferWithdrawn', data: { offerId: offer.offerId, reason: data.reason } }];

/**
 * Accepting one offer and declining the others are both answers given when a match is made.
 * Giving the same answer for the same match again is a no-op, so the match handler may retry.
 */
const answer = (
  { data }: AcceptOffer | DeclineOffer,
  offer: Offer,
  type: 'OfferAccepted' | 'OfferDeclined',
): Outcome => {
  const given = type === 'OfferAccepted' ? 'accepted' : 'declined';
  if (offer.status === given && offer.matchId === data.matchId) return [];
  return offer.status === 'submitted'
    ? [{ type, data: { offerId: offer.offerId, requestId: offer.requestId, matchId: data.matchId } }]
    : rule('offer.not-submitted', `the offer is ${offer.status}`);
};
