import type { Match, MatchedOfferFact, OrganizationStatus } from '@multitrack/domain';
import type { StreamReader } from '../command-handling/stream-reader';

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
