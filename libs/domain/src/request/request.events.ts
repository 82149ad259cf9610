import type { Event } from '../shared/decider';
import type { WireMoney } from '../money/money';
import { listOf } from '../shared/type-list';

export type HelpRequestPublished = Event<
  'HelpRequestPublished',
  {
    requestId: string;
    title: string;
    description: string;
    tracks: number[];
    country: string;
    budget: WireMoney;
    neededBy: string;
    publishedBy: string;
  }
>;

/** Carries only the fields that changed. */
export type HelpRequestAmended = Event<
  'HelpRequestAmended',
  { requestId: string; title?: string; description?: string; budget?: WireMoney; neededBy?: string }
>;

/** `keptOpen`: the request stays open for more partners (several matches per request, decision 0182). */
export type RequestMatched = Event<
  'RequestMatched',
  { requestId: string; matchId: string; offerId: string; keptOpen?: true }
>;

/**
 * A commitment on one of the request's matches, reserved on the request in the same atomic append
 * as the match's `FundsCommitted`: the sum over all its matches never exceeds the budget (0182).
 */
export type BudgetReserved = Event<
  'BudgetReserved',
  { requestId: string; matchId: string; amount: WireMoney }
>;

/** A decommitment on one of its matches gives the reserved money back to the request. */
export type BudgetReleased = Event<
  'BudgetReleased',
  { requestId: string; matchId: string; amount: WireMoney }
>;

/** The request took an offer while open; the offer's own stream records its content. */
export type OfferReceived = Event<
  'OfferReceived',
  { requestId: string; offerId: string; organizationId: string }
>;

export type HelpRequestClosed = Event<'HelpRequestClosed', { requestId: string; reason?: string }>;

export type HelpRequestCancelled = Event<'HelpRequestCancelled', { requestId: string; reason: string }>;

export type RequestEvent =
  | HelpRequestPublished
  | HelpRequestAmended
  | OfferReceived
  | RequestMatched
  | BudgetReserved
  | BudgetReleased
  | HelpRequestClosed
  | HelpRequestCancelled;

export const requestEventTypes = listOf<RequestEvent['type']>({
  HelpRequestPublished: true,
  HelpRequestAmended: true,
  OfferReceived: true,
  RequestMatched: true,
  BudgetReserved: true,
  BudgetReleased: true,
  HelpRequestClosed: true,
  HelpRequestCancelled: true,
});
