import { stateOf, streamIdOf, type Category, type StateOf } from '@multitrack/domain';
import type { EventStore, RecordedEvent } from '@multitrack/event-store';

/** One stream as a command saw it: the state its decider folds, and the revision to append at. */
export interface StreamRead<K extends Category> {
  category: K;
  id: string;
  streamId: string;
  state: StateOf<K>;
  revision: number | 'no_stream';
  history: RecordedEvent[];
}

/** How a command reads the streams it decides on; each stream once per attempt. */
export interface StreamReader {
  read<K extends Category>(category: K, id: string): Promise<StreamRead<K>>;
}

/**
 * The reads of one attempt: a stream asked for twice (the command's own, and again as a fact) is
 * read once, so every part of the decision sees the same revision of it.
 */
export const attemptReader = (store: EventStore): StreamReader => {
  const reads = new Map<string, Promise<StreamRead<Category>>>();
  const load = async <K extends Category>(category: K, id: string): Promise<StreamRead<K>> => {
    const streamId = streamIdOf(category, id);
    const history = await store.readStream(streamId);
    return {
      category,
      id,
      streamId,
      state: stateOf(category, history),
      revision: history.length === 0 ? 'no_stream' : history[history.length - 1].revision,
      history,
    };
  };
  return {
    read<K extends Category>(category: K, id: string) {
      const streamId = streamIdOf(category, id);
      if (!reads.has(streamId)) reads.set(streamId, load(category, id));
      return reads.get(streamId) as Promise<StreamRead<K>>;
    },
  };
};
