import type { Event } from './decider';

/** Anything that can replay a history: every Decider is one. */
export interface Evolver<S> {
  initialState: S;
  // `never` lets any aggregate's evolve fit: the caller vouches that the events are that stream's.
  evolve(state: S, event: never): S;
}

/**
 * Rebuilds an aggregate's state from its history. Accepts events as the store returns them
 * (`type: string`); types the aggregate does not know leave the state unchanged.
 */
export const foldEvents = <S>(evolver: Evolver<S>, events: Iterable<Event<string, unknown>>): S => {
  let state = evolver.initialState;
  for (const event of events) state = evolver.evolve(state, event as never);
  return state;
};
