import type { Event } from '../shared/decider';
import type { WireMoney } from '../money/money';
import { listOf } from '../shared/type-list';
import type { OfferKind } from './offer-kind';

export type OfferSubmitted = Event<
  'OfferSubmitted',
  {
    offerId: string;
    requestId: string;
    organizationId: string;
    summary: string;
    /** Absent on offers submitted before kinds existed: `funding`. */
    kind?: OfferKind;
    /** Required for `funding`; for `in-kind` and `expertise` an estimated value, if any. */
    amount?: WireMoney;
    /** The request's currency, in which any amount is (decision 0185). */
    currency?: string;
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
