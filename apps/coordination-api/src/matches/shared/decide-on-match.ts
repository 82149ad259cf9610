import {
  foldEvents,
  matchDecider,
  rule,
  streamIdOf,
  type DomainError,
  type Match,
  type MatchCommand,
  type MatchEvent,
  type MatchState,
} from '@multitrack/domain';
import type { EventStore } from '@multitrack/event-store';
import type { CommandContext } from '../../command-handling/command-context';
import { decideAndAppend, type Decision } from '../../command-handling/decide-and-append';

export type MatchDecision = Decision<MatchState, MatchEvent>;

export interface DecideOnMatchOptions {
  store: EventStore;
  matchId: string;
  context: CommandContext;
  ifMatch?: number;
  /** Built afresh on every attempt, from the match as it is now (and facts read now). */
  command: (match: Match) => MatchCommand | DomainError | Promise<MatchCommand | DomainError>;
}

/**
 * An NGO sees only its own matches; to any other NGO a match does not exist (API.md: other NGOs
 * get 404), so the answer cannot tell them whether it does.
 */
const hiddenFrom = (match: Match, actor: CommandContext['actor']): boolean =>
  !actor.roles.some((role) => role === 'officer' || role === 'auditor') &&
  actor.organizationId !== match.organizationId;

/**
 * A command that already ran under this (scoped) Idempotency-Key: its events are in the stream.
 * Only a retry after a crash or a lost answer gets here (the idempotency store replays the rest);
 * answering from the record keeps it from deciding again (a second commitment, say).
 */
const alreadyDecided = async (store: EventStore, streamId: string, context: CommandContext) => {
  if (context.idempotencyKey === undefined) return undefined;
  const history = await store.readStream(streamId);
  const mine = history.filter(
    (event) =>
      event.metadata.idempotencyKey === context.idempotencyKey && event.metadata.command === context.command,
  );
  if (mine.length === 0) return undefined;
  const last = mine[mine.length - 1];
  const decision: MatchDecision = {
    streamId,
    state: foldEvents(
      matchDecider,
      history.filter((event) => event.revision < mine[0].revision),
    ),
    events: mine as unknown as MatchEvent[],
    revision: last.revision,
    position: last.position,
  };
  return decision;
};

/** Load the match, decide the command against it, append with the expected revision (re-deciding on a clash). */
export const decideOnMatch = async (options: DecideOnMatchOptions): Promise<MatchDecision | DomainError> => {
  const { store, matchId, context } = options;
  const streamId = streamIdOf('match', matchId);
  const earlier = await alreadyDecided(store, streamId, context);
  if (earlier) return earlier;
  return decideAndAppend({
    store,
    streamId,
    decider: matchDecider,
    context,
    ifMatch: options.ifMatch,
    command: (state) =>
      state.status === 'none' || hiddenFrom(state, context.actor)
        ? rule('match.not-found', `no match ${matchId}`)
        : options.command(state),
  });
};
