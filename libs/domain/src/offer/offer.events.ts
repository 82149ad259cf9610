import type { Event } from '../shared/decider';
import type { WireMoney } from '../money/money';
import { listOf } from '../shared/type-list';

export type OfferSubmitted = Event<
  'OfferSubmitted',
  {
    offerId: string;
    requestId: string;
    organizationId: string;
    summary: string;
    amount: WireMoney;
    startDate: string;
    endDate: string;
  }
>;

/** Carries only the fields that changed. */
export type OfferRevised = Event<
  'OfferRevised',
  { offerId: string; summary?: string; amount?: WireMoney; startDate?: string; endDate?: string }
>;

export type OfferWithdrawn = Event<'OfferWithdrawn', { offerId: string; reason: string }>;

export type OfferAccepted = Event<'OfferAccepted', { offerId: string; requestId: string; matchId: string }>;

export type OfferDeclined = Event<'OfferDeclined', { offerId: string; requestId: string; matchId: string }>;

export type OfferEvent = OfferSubmitted | OfferRevised | OfferWithdrawn | OfferAccepted | OfferDeclined;

export const offerEventTypes = listOf<OfferEvent['type']>({
  OfferSubmitted: true,
  OfferRevised: true,
  OfferWithdrawn: true,
  OfferAccepted: true,
  OfferDeclined: true,
});
