import type { Actor } from '@multitrack/auth';
import { seesOrganization, type Offer } from '@multitrack/domain';
import { TransitionHandler, type TransitionCommand } from '../command-handling/transition';

/** An NGO sees its own organisation's offers only; to others they do not exist (404). */
export const offerVisibleTo = (offer: Offer, actor: Actor): boolean =>
  seesOrganization(actor, offer.organizationId);

export abstract class OfferTransition<C extends TransitionCommand<unknown>> extends TransitionHandler<
  'offer',
  C
> {
  protected readonly category = 'offer';
  protected override readonly visibleTo = offerVisibleTo;
}
