import type { Actor } from '@multitrack/auth';
import {
  seesOrganization,
  type Match,
  type MatchedOfferFact,
  type OrganizationStatus,
} from '@multitrack/domain';
import type { StreamReader } from '../command-handling/stream-reader';
import { TransitionHandler, type TransitionCommand } from '../command-handling/transition';

/** Officers and auditors see every match, an NGO only its own: to other NGOs it does not exist (404). */
export const matchVisibleTo = (match: Match, actor: Actor): boolean =>
  seesOrganization(actor, match.organizationId);

/** The stream a command on match `id` is about, and who may know it exists. */
export const onMatch = (id: string) => ({ category: 'match' as const, id, visibleTo: matchVisibleTo });

export abstract class MatchTransition<C extends TransitionCommand<unknown>> extends TransitionHandler<
  'match',
  C
> {
  protected readonly category = 'match';
  protected override readonly visibleTo = matchVisibleTo;
}

/** What money going out depends on beyond the match: the organisation's standing, the offer's answer. */
export interface MoneyFacts {
  organization: { status: OrganizationStatus | 'none' };
  offer: MatchedOfferFact;
}

export const moneyFactsOf = async (match: Match, streams: StreamReader): Promise<MoneyFacts> => {
  const [organization, offer] = await Promise.all([
    streams.read('organization', match.organizationId),
    streams.read('offer', match.offerId),
  ]);
  return {
    organization: { status: organization.state.status },
    offer:
      offer.state.status === 'none'
        ? { status: 'none' }
        : { status: offer.state.status, matchId: offer.state.matchId },
  };
};
