import { add, subtract } from '../money/arithmetic';
import { fromWire } from '../money/format-money';
import { zero, type Money } from '../money/money';
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
  /** The latest match and its offer (the only one unless matched with `keepRequestOpen`). */
  matchId?: string;
  offerId?: string;
  /** Every match of the request, oldest first. */
  matchIds: string[];
  /** The commitments reserved on the budget, per match; their sum never exceeds the budget. */
  reserved: Record<string, Money>;
  committed: Money;
};

export type RequestState = { status: 'none' } | HelpRequest;

export const initialRequestState: RequestState = { status: 'none' };

export const evolveRequest = (state: RequestState, event: RequestEvent): RequestState => {
  if (event.type === 'HelpRequestPublished') {
    const budget = fromWire(event.data.budget);
    return {
      ...event.data,
      status: 'open',
      budget,
      receivedOfferIds: [],
      matchIds: [],
      reserved: {},
      committed: zero(budget.currency),
    };
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
      return {
        ...state,
        status: event.data.keptOpen ? state.status : 'matched',
        matchId: event.data.matchId,
        offerId: event.data.offerId,
        matchIds: [...state.matchIds, event.data.matchId],
      };
    case 'BudgetReserved':
    case 'BudgetReleased': {
      const amount = fromWire(event.data.amount);
      const change = event.type === 'BudgetReserved' ? add : subtract;
      const before = state.reserved[event.data.matchId] ?? zero(amount.currency);
      return {
        ...state,
        reserved: { ...state.reserved, [event.data.matchId]: change(before, amount) },
        committed: change(state.committed, amount),
      };
    }
    case 'HelpRequestClosed':
      return { ...state, status: 'closed' };
    case 'HelpRequestCancelled':
      return { ...state, status: 'cancelled' };
    default:
      return state;
  }
};
