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

export type RequestMatched = Event<'RequestMatched', { requestId: string; matchId: string; offerId: string }>;

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
  | HelpRequestClosed
  | HelpRequestCancelled;

export const requestEventTypes = listOf<RequestEvent['type']>({
  HelpRequestPublished: true,
  HelpRequestAmended: true,
  OfferReceived: true,
  RequestMatched: true,
  HelpRequestClosed: true,
  HelpRequestCancelled: true,
});
