import { eventIdFor } from './event-ids';
import { AppendResult, EventMetadata, ExpectedRevision, NewEvent } from './event-store.port';
import { ConcurrencyError, DuplicateEventError } from './errors';
import { computeEventHash } from './hash-chain';

/** The last event of a stream, as far as an append needs it. */
export interface StreamHead {
  revision: number;
  hash: string;
}

/** An event ready to store: id fixed, place in the stream and hash chain computed. */
export interface ChainedNewEvent {
  eventId: string;
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  revision: number;
  prevHash: string | null;
  hash: string;
}

export const checkAppend = ({ streamId, events }: { streamId: string; events: NewEvent[] }): void => {
  if (events.length === 0) throw new Error(`an append to ${streamId} needs at least one event`);
};

/** An atomic append names each of its streams once, with at least one event for each. */
export const checkCommit = (appends: { streamId: string; events: NewEvent[] }[]): void => {
  if (appends.length === 0) throw new Error('an atomic append needs at least one stream');
  appends.forEach(checkAppend);
  if (new Set(appends.map((append) => append.streamId)).size !== appends.length)
    throw new Error('an atomic append names each stream once');
};

export const currentRevision = (head: StreamHead | undefined): number | 'no_stream' =>
  head?.revision ?? 'no_stream';

export const checkExpectedRevision = (
  streamId: string,
  expected: ExpectedRevision,
  head: StreamHead | undefined,
): void => {
  const actual = currentRevision(head);
  if (expected === 'any' || expected === actual) return;
  throw new ConcurrencyError(streamId, expected, actual);
};

// What is hashed must be exactly what a reader gets back: drop undefined, turn Dates into strings.
export const asJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export const chainEvents = (
  streamId: string,
  events: NewEvent[],
  head: StreamHead | undefined,
): ChainedNewEvent[] => {
  let prevHash = head?.hash ?? null;
  const first = (head?.revision ?? -1) + 1;
  return events.map((event, index) => {
    const revision = first + index;
    const data = asJson(event.data);
    const metadata = asJson(event.metadata);
    const hash = computeEventHash({ prevHash, streamId, revision, type: event.type, data, metadata });
    const chained = {
      eventId: eventIdFor(event, streamId, index),
      type: event.type,
      data,
      metadata,
      revision,
      prevHash,
      hash,
    };
    prevHash = hash;
    return chained;
  });
};

/** Where an event id is already stored. */
export interface StoredId {
  eventId: string;
  streamId: string;
  revision: number;
  position: number;
}

/**
 * An append is a retry when all its ids are already stored in this stream, in the same order, at
 * consecutive revisions: answer what the first attempt answered. Some but not all is a reused key.
 */
export const earlierAppend = (
  streamId: string,
  ids: string[],
  stored: StoredId[],
): AppendResult | undefined => {
  if (stored.length === 0) return undefined;
  const byId = new Map(stored.map((entry) => [entry.eventId, entry]));
  const found = ids.map((id) => byId.get(id));
  const first = found[0];
  const sameAppend =
    first !== undefined &&
    found.every((entry, index) => entry?.streamId === streamId && entry.revision === first.revision + index);
  if (!sameAppend) {
    const clash = stored.find((entry) => entry.streamId !== streamId) ?? stored[0];
    throw new DuplicateEventError(streamId, clash.eventId);
  }
  const last = found[found.length - 1] as StoredId;
  return {
    nextRevision: last.revision,
    position: Math.max(...found.map((entry) => (entry as StoredId).position)),
  };
};
