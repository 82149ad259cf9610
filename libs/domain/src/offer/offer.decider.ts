import {
  ignoringAttachments,
  withAttachments,
  type AttachDocument,
  type DocumentAttached,
} from '../documents/attachments';
import type { Decider } from '../shared/decider';
import type { OfferCommand } from './offer.commands';
import { decideOffer } from './offer.decide';
import type { OfferEvent } from './offer.events';
import { evolveOffer, initialOfferState, type OfferState } from './offer.state';

export const offerDecider: Decider<OfferCommand | AttachDocument, OfferEvent | DocumentAttached, OfferState> =
  {
    decide: withAttachments(
      decideOffer,
      (state) => (state.status === 'none' ? undefined : state.organizationId),
      'offer.not-found',
    ),
    evolve: ignoringAttachments(evolveOffer),
    initialState: initialOfferState,
  };
