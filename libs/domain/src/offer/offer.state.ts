import { fromWire } from '../money/format-money';
import type { Money } from '../money/money';
import type { OfferEvent } from './offer.events';

export type OfferStatus = 'submitted' | 'withdrawn' | 'accepted' | 'declined';

export type Offer = {
  status: OfferStatus;
  offerId: string;
  requestId: string;
  organizationId: string;
  summary: string;
  amount: Money;
  startDate: string;
  endDate: string;
  matchId?: string;
};

export type OfferState = { status: 'none' } | Offer;

export const initialOfferState: OfferState = { status: 'none' };

export const evolveOffer = (state: OfferState, event: OfferEvent): OfferState => {
  if (event.type === 'OfferSubmitted') {
    return { ...event.data, status: 'submitted', amount: fromWire(event.data.amount) };
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
