import { fromWire } from '../money/format-money';
import type { Money } from '../money/money';
import type { RequestEvent } from './request.events';

export type RequestStatus = 'open' | 'matched' | 'closed' | 'cancelled';

/** What an officer publishes: the request as PublishHelpRequest carries it and as it stands until amended. */
export type RequestPublication = {
  requestId: string;
  title: string;
  description: string;
  tracks: number[];
  /** ISO 3166-1 alpha-2: where the help is needed. */
  country: string;
  budget: Money;
  /** YYYY-MM-DD. */
  neededBy: string;
};

export type HelpRequest = RequestPublication & {
  status: RequestStatus;
  publishedBy: string;
  /** Every offer the request received while open, in order (the match declines the others). */
  receivedOfferIds: string[];
  matchId?: string;
  offerId?: string;
};

export type RequestState = { status: 'none' } | HelpRequest;

export const initialRequestState: RequestState = { status: 'none' };

export const evolveRequest = (state: RequestState, event: RequestEvent): RequestState => {
  if (event.type === 'HelpRequestPublished') {
    return { ...event.data, status: 'open', budget: fromWire(event.data.budget), receivedOfferIds: [] };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'HelpRequestAmended': {
      const { budget, requestId: _, ...text } = event.data;
      return { ...state, ...text, ...(budget && { budget: fromWire(budget) }) };
    }
    case 'OfferReceived':
      return { ...state, receivedOfferIds: [...state.receivedOfferIds, event.data.offerId] };
    case 'RequestMatched':
      return { ...state, status: 'matched', matchId: event.data.matchId, offerId: event.data.offerId };
    case 'HelpRequestClosed':
      return { ...state, status: 'closed' };
    case 'HelpRequestCancelled':
      return { ...state, status: 'cancelled' };
    default:
      return state;
  }
};
