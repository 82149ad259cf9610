import { rule, type CommandMetadata, type DomainError } from '../shared/decider';
import type { MatchedOfferFact } from './match.commands';
import type { Match } from './match.state';

export const checkActive = (match: Match): DomainError | undefined =>
  match.status === 'active' ? undefined : rule('match.not-active', `the match is ${match.status}`);

/** Only the matched organisation speaks for the receiving side. */
export const checkMatchedOrganization = (match: Match, metadata: CommandMetadata): DomainError | undefined =>
  metadata.actor.organizationId === match.organizationId
    ? undefined
    : rule('match.not-yours', 'only the matched organisation may do this');

/** A tranche waiting for its second officer must be decided before the match ends. */
export const checkNothingPending = (match: Match): DomainError | undefined =>
  match.pendingApproval.minor === 0n
    ? undefined
    : rule('match.pending-disbursements', 'approve the tranches waiting for approval first');

/**
 * A match whose offer was not accepted for it (withdrawn in the instant the match was made, before
 * matches were written atomically) carries no money (decision 0090, superseded by 0092).
 */
export const checkOfferAccepted = (match: Match, offer: MatchedOfferFact): DomainError | undefined =>
  offer.status === 'accepted' && offer.matchId === match.matchId
    ? undefined
    : rule('match.offer-not-accepted', `the match's offer is ${offer.status}; this match carries no money`);

/** Money that went out must come back (a reversal) before the match is called off. */
export const checkNothingDisbursed = (match: Match): DomainError | undefined =>
  match.disbursements.some((d) => d.status === 'disbursed')
    ? rule('match.has-disbursements', 'reverse the disbursed tranches first')
    : undefined;
