import { fromWire } from '../money/format-money';
import type { Money } from '../money/money';
import type { OfferEvent } from './offer.events';
import type { OfferKind } from './offer-kind';

export { offerKinds, type OfferKind } from './offer-kind';

export type OfferStatus = 'submitted' | 'withdrawn' | 'accepted' | 'declined';

/** What an NGO submits: the offer as SubmitOffer carries it and as it stands until revised. */
export type OfferSubmission = {
  offerId: string;
  requestId: string;
  /** The offering organisation; must be the actor's own. */
  organizationId: string;
  summary: string;
  kind?: OfferKind;
  /** Always there for `funding`; for the other kinds an estimated value, if given. */
  amount?: Money;
  /** YYYY-MM-DD. */
  startDate: string;
  endDate: string;
};

export type Offer = OfferSubmission & {
  kind: OfferKind;
  /** The request's currency: any amount, given now or in a revision, is in it. */
  currency: string;
  status: OfferStatus;
  matchId?: string;
};

export type OfferState = { status: 'none' } | Offer;

export const initialOfferState: OfferState = { status: 'none' };

export const evolveOffer = (state: OfferState, event: OfferEvent): OfferState => {
  if (event.type === 'OfferSubmitted') {
    const { amount, kind = 'funding', currency, ...rest } = event.data;
    return {
      ...rest,
      kind,
      status: 'submitted',
      currency: currency ?? amount!.currency,
      ...(amount && { amount: fromWire(amount) }),
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'OfferRevised': {
      const { amount, offerId: _, ...rest } = event.data;
      return { ...state, ...rest, ...(amount && { amount: fromWire(amount) }) };
    }
    case 'OfferWithdrawn':
      return { ...state, status: 'withdrawn' };
    case 'OfferAccepted':
      return { ...state, status: 'accepted', matchId: event.data.matchId };
    case 'OfferDeclined':
      return { ...state, status: 'declined', matchId: event.data.matchId };
    default:
      return state;
  }
};
