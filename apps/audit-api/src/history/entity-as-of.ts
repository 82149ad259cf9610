import { deciderFor, Event, Evolver, evolveFor, foldEvents, parseStreamId } from '@multitrack/domain';
import type { EventStore } from '@multitrack/event-store';
import { stateForAuditors } from './state-for-auditors';

export interface EntityAsOf {
  streamId: string;
  asOf: string;
  /** The revision of the last event taken into account. */
  revision: number;
  state: unknown;
}

/**
 * Time travel: the entity rebuilt with the domain's own evolve from the events of its stream
 * recorded at or before `asOf`. Undefined when the stream is no aggregate or had no event yet.
 */
export const entityAsOf = async (
  store: EventStore,
  streamId: string,
  asOf: Date,
): Promise<EntityAsOf | undefined> => {
  const parsed = parseStreamId(streamId);
  if (!parsed) return undefined;
  const events = (await store.readStream(streamId)).filter(
    (event) => event.recordedAt.getTime() <= asOf.getTime(),
  );
  if (events.length === 0) return undefined;
  const evolver = {
    initialState: deciderFor(parsed.category).initialState,
    evolve: evolveFor(parsed.category),
  } as Evolver<unknown>;
  const state = foldEvents(evolver, events as Event<string, unknown>[]);
  return {
    streamId,
    asOf: asOf.toISOString(),
    revision: events[events.length - 1].revision,
    state: stateForAuditors(state),
  };
};
