import {
  foldEvents,
  initialMatchState,
  isDomainError,
  matchDecider,
  offerDecider,
  requestDecider,
  rule,
  streamIdOf,
  type DomainError,
  type HelpRequest,
  type MakeMatch,
  type Offer,
  type OfferCommand,
  type OrganizationStatus,
} from '@multitrack/domain';
import type { EventStore } from '@multitrack/event-store';
import { commandMetadataOf, type CommandContext } from '../../command-handling/command-context';
import { decideAndAppend } from '../../command-handling/decide-and-append';
import { organizationStatus } from '../shared/facts';

/** One match command: its ids are fixed before the first step, so every retry decides the same events. */
export interface MatchSagaCommand {
  matchId: string;
  requestId: string;
  offerId: string;
  context: CommandContext;
  /** The request revision the caller last saw. */
  ifMatch?: number;
}

/** What the request stream recorded, and the facts the lock was taken on. */
export interface Locked {
  offerId: string;
  request: HelpRequest;
  offer: Offer;
  organization: { status: OrganizationStatus | 'none' };
}

const offerOf = async (store: EventStore, offerId: string): Promise<Offer | DomainError> => {
  const offer = foldEvents(offerDecider, await store.readStream(streamIdOf('offer', offerId)));
  return offer.status === 'none' ? rule('offer.not-found', `no offer ${offerId}`) : offer;
};

export const makeMatchCommand = (command: MatchSagaCommand, locked: Locked): MakeMatch => ({
  type: 'MakeMatch',
  data: {
    matchId: command.matchId,
    requestId: command.requestId,
    offerId: locked.offerId,
    organizationId: locked.offer.organizationId,
    request: {
      status: locked.request.status,
      budget: locked.request.budget,
      matchId: locked.request.matchId,
    },
    offer: {
      status: locked.offer.status,
      requestId: locked.offer.requestId,
      amount: locked.offer.amount,
      matchId: locked.offer.matchId,
    },
    organization: locked.organization,
  },
  metadata: commandMetadataOf(command.context),
});

/**
 * Step 1, the lock: the request stream decides. Every rule of the match is checked here against
 * the request as it is now; an optimistic clash re-decides, so of two concurrent matches one
 * records `RequestMatched` and the other finds the request matched (`request.not-open`, 422).
 * A request that already records this very match is a retry resuming: nothing is appended.
 */
export const lockRequest = async (
  store: EventStore,
  command: MatchSagaCommand,
): Promise<Locked | DomainError> => {
  let locked: Locked | undefined;
  const streamId = streamIdOf('request', command.requestId);
  // If-Match guards the decision, not its resumption: a retry finds the request moved on by itself.
  const before = foldEvents(requestDecider, await store.readStream(streamId));
  const resumed = before.status === 'matched' && before.matchId === command.matchId;
  const decision = await decideAndAppend({
    store,
    streamId,
    decider: requestDecider,
    context: command.context,
    ifMatch: resumed ? undefined : command.ifMatch,
    command: async (request) => {
      if (request.status === 'none') return rule('request.not-found', `no request ${command.requestId}`);
      const resuming = request.status === 'matched' && request.matchId === command.matchId;
      const offerId = resuming && request.offerId ? request.offerId : command.offerId;
      const offer = await offerOf(store, offerId);
      if (isDomainError(offer)) return offer;
      const organization = await organizationStatus(store, offer.organizationId);
      locked = { offerId, request, offer, organization };
      if (!resuming) {
        const refused = matchDecider.decide(makeMatchCommand(command, locked), initialMatchState);
        if (isDomainError(refused)) return refused;
      }
      return {
        type: 'MarkRequestMatched' as const,
        data: { matchId: command.matchId, offerId },
        metadata: commandMetadataOf(command.context),
      };
    },
  });
  if (isDomainError(decision)) return decision;
  // The facts as they are once the request is locked: matched, to this match.
  return {
    ...locked!,
    request: { ...locked!.request, status: 'matched', matchId: command.matchId, offerId: locked!.offerId },
  };
};

/** Step 2: the match stream is created once (`no_stream`); finding it made is a resumed retry. */
export const recordMatch = async (
  store: EventStore,
  command: MatchSagaCommand,
  locked: Locked,
): Promise<{ revision: number; position: number } | DomainError> => {
  const streamId = streamIdOf('match', command.matchId);
  const decision = await decideAndAppend({
    store,
    streamId,
    decider: matchDecider,
    context: command.context,
    command: () => makeMatchCommand(command, locked),
  });
  if (!isDomainError(decision)) return decision;
  if (decision.rule !== 'match.already-made') return decision;
  const [made] = await store.readStream(streamId, { maxCount: 1 });
  if (made.data.requestId !== command.requestId) return decision;
  return { revision: made.revision, position: made.position };
};

/** Step 3a: accept the matched offer (a no-op when it already is, for this match). */
export const acceptOffer = async (store: EventStore, command: MatchSagaCommand, offerId: string) =>
  decideAndAppend({
    store,
    streamId: streamIdOf('offer', offerId),
    decider: offerDecider,
    context: command.context,
    command: (): OfferCommand => ({
      type: 'AcceptOffer',
      data: { matchId: command.matchId },
      metadata: commandMetadataOf(command.context),
    }),
  });

/**
 * Step 3b: decline one of the request's other offers. An offer that is no longer submitted
 * (withdrawn, or declined already) needs no answer, so its refusal is not a failure.
 */
export const declineOffer = async (
  store: EventStore,
  command: MatchSagaCommand,
  offerId: string,
): Promise<void> => {
  await decideAndAppend({
    store,
    streamId: streamIdOf('offer', offerId),
    decider: offerDecider,
    context: command.context,
    command: (): OfferCommand => ({
      type: 'DeclineOffer',
      data: { matchId: command.matchId },
      metadata: commandMetadataOf(command.context),
    }),
  });
};
