import { add, checkCurrency, checkPositive, compare } from '../money/arithmetic';
import { formatMoney } from '../money/format-money';
import { rule, type DomainError } from '../shared/decider';
import { checkCountry, checkDates, checkText, checkTracks, firstFailure } from '../shared/validation';
import type {
  AmendHelpRequest,
  CancelHelpRequest,
  CloseHelpRequest,
  MarkRequestMatched,
  PublishHelpRequest,
  RecordOffer,
  ReleaseBudget,
  RequestCommand,
  ReserveBudget,
} from './request.commands';
import type { RequestEvent } from './request.events';
import type { HelpRequest, RequestState } from './request.state';

type Outcome = RequestEvent[] | DomainError;

export const decideRequest = (command: RequestCommand, state: RequestState): Outcome => {
  if (command.type === 'PublishHelpRequest') return publish(command, state);
  if (state.status === 'none') return rule('request.not-found', 'no such help request');
  if (command.type === 'RecordOffer') return recordOffer(command, state);
  // The matches of a closed request go on: their commitments still reserve and release its budget.
  if (command.type === 'ReserveBudget') return reserve(command, state);
  if (command.type === 'ReleaseBudget') return release(command, state);
  if (state.status === 'closed' || state.status === 'cancelled') {
    return rule('request.inactive', `the request is ${state.status}`);
  }
  switch (command.type) {
    case 'AmendHelpRequest':
      return amend(command, state);
    case 'CancelHelpRequest':
      return cancel(command, state);
    case 'MarkRequestMatched':
      return markMatched(command, state);
    case 'CloseHelpRequest':
      return close(command, state);
  }
};

const publish = ({ data, metadata }: PublishHelpRequest, state: RequestState): Outcome => {
  const { requestId, title, description, tracks, country, budget, neededBy } = data;
  const failure = firstFailure(
    () => (state.status === 'none' ? undefined : rule('request.already-published', `${requestId} exists`)),
    () => checkText({ title, description }),
    () => checkTracks(tracks),
    () => checkCountry(country),
    () => checkPositive(budget, 'budget'),
    () => checkDates({ neededBy }),
  );
  if (failure) return failure;
  const published = { requestId, title, description, tracks, country, budget: formatMoney(budget), neededBy };
  return [{ type: 'HelpRequestPublished', data: { ...published, publishedBy: metadata.actor.sub } }];
};

const amend = ({ data }: AmendHelpRequest, request: HelpRequest): Outcome => {
  const { title, description, budget, neededBy } = data;
  if ([title, description, budget, neededBy].every((field) => field === undefined)) {
    return rule('request.nothing-to-amend', 'name at least one of title, description, budget, neededBy');
  }
  const failure = firstFailure(
    () => checkText({ title, description }),
    () => checkDates({ neededBy }),
    () => (budget ? checkPositive(budget, 'budget') : undefined),
    () => (budget && request.status === 'matched' ? checkBudgetAfterMatch(request, budget) : undefined),
  );
  if (failure) return failure;
  const changes = {
    ...(title !== undefined && { title }),
    ...(description !== undefined && { description }),
    ...(budget !== undefined && { budget: formatMoney(budget) }),
    ...(neededBy !== undefined && { neededBy }),
  };
  return [{ type: 'HelpRequestAmended', data: { requestId: request.requestId, ...changes } }];
};

/**
 * Once matched, money may be committed against the budget: its currency is fixed and it may only
 * grow, so that committed <= budget keeps holding without the request knowing the commitments.
 */
const checkBudgetAfterMatch = (
  request: HelpRequest,
  budget: HelpRequest['budget'],
): DomainError | undefined => {
  if (checkCurrency(request.budget.currency, budget)) {
    return rule('request.currency-locked', `the budget stays in ${request.budget.currency} once matched`);
  }
  return compare(budget, request.budget) < 0
    ? rule('request.budget-reduced-after-match', 'a matched request’s budget can only grow')
    : undefined;
};

/** A matched request has money behind it: the match is cancelled or completed, not the request. */
const cancel = ({ data }: CancelHelpRequest, request: HelpRequest): Outcome =>
  request.status === 'open'
    ? [{ type: 'HelpRequestCancelled', data: { requestId: request.requestId, reason: data.reason } }]
    : rule('request.not-open', `the request is ${request.status}`);

/** Idempotent for the same match, so a match handler that retries after a partial failure is safe. */
const markMatched = ({ data }: MarkRequestMatched, request: HelpRequest): Outcome => {
  if (request.matchIds.includes(data.matchId)) return [];
  const { matchId, offerId, keepOpen } = data;
  return request.status === 'open'
    ? [
        {
          type: 'RequestMatched',
          data: {
            requestId: request.requestId,
            matchId,
            offerId,
            ...(keepOpen && { keptOpen: true as const }),
          },
        },
      ]
    : rule('request.not-open', `the request is ${request.status}`);
};

/**
 * The shared budget (decision 0182): every commitment on any of the request's matches is reserved
 * here, decided on this stream at the revision read and appended with the match's own event, so
 * two commitments on two matches cannot both pass on the same remainder.
 */
const reserve = ({ data }: ReserveBudget, request: HelpRequest): Outcome => {
  const { matchId, amount } = data;
  const failure = firstFailure(
    () =>
      request.matchIds.includes(matchId)
        ? undefined
        : rule('match.not-found', `${matchId} is not a match of this request`),
    () => checkPositive(amount),
    () => checkCurrency(request.budget.currency, amount),
    () =>
      compare(add(request.committed, amount), request.budget) > 0
        ? rule(
            'match.over-committed',
            `the commitments of the request's matches would exceed its budget of ${formatMoney(request.budget).amount}`,
          )
        : undefined,
  );
  if (failure) return failure;
  return [
    { type: 'BudgetReserved', data: { requestId: request.requestId, matchId, amount: formatMoney(amount) } },
  ];
};

/** Gives back at most what the match reserved (commitments made before reservations reserved nothing). */
const release = ({ data }: ReleaseBudget, request: HelpRequest): Outcome => {
  const { matchId, amount } = data;
  const reserved = request.reserved[matchId];
  if (!reserved || reserved.minor === 0n) return [];
  const given = compare(amount, reserved) > 0 ? reserved : amount;
  return [
    { type: 'BudgetReleased', data: { requestId: request.requestId, matchId, amount: formatMoney(given) } },
  ];
};

/**
 * An open or matched request is closed (decision 0181): it takes no more offers and no new
 * matches; the matches it has keep their money and are completed or cancelled on their own.
 */
const close = ({ data }: CloseHelpRequest, request: HelpRequest): Outcome => [
  {
    type: 'HelpRequestClosed',
    data: { requestId: request.requestId, ...(data.reason !== undefined && { reason: data.reason }) },
  },
];

/** Idempotent per offer, so a retried submission (same Idempotency-Key) appends nothing twice. */
const recordOffer = ({ data }: RecordOffer, request: HelpRequest): Outcome => {
  if (request.receivedOfferIds.includes(data.offerId)) return [];
  return request.status === 'open'
    ? [{ type: 'OfferReceived', data: { requestId: request.requestId, ...data } }]
    : rule('request.not-open', `the request is ${request.status}`);
};
