import type { Decider } from '../shared/decider';
import type { OfferCommand } from './offer.commands';
import { decideOffer } from './offer.decide';
import type { OfferEvent } from './offer.events';
import { evolveOffer, initialOfferState, type OfferState } from './offer.state';

export const offerDecider: Decider<OfferCommand, OfferEvent, OfferState> = {
  decide: decideOffer,
  evolve: evolveOffer,
  initialState: initialOfferState,
};
