import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { chainEvents, checkExpectedRevision, earlierAppend, StreamHead } from '../append-plan';
import { eventIdFor, isRetryable } from '../event-ids';
import { AppendResult, ExpectedRevision, NewEvent, RecordedEvent } from '../event-store.port';
import { ConcurrencyError } from '../errors';
import { fromEsdb, toEventData } from './esdb-events';

/** How far back an `any` append looks for an earlier attempt of itself. */
const retryWindow = 100;
/** `any` re-reads the head and re-chains when another writer got in first; bounded. */
const maxAttempts = 20;

const readEvents = async (
  client: EventStoreDBClient,
  streamId: string,
  options: Parameters<EventStoreDBClient['readStream']>[1],
): Promise<RecordedEvent[]> => {
  const events: RecordedEvent[] = [];
  try {
    for await (const resolved of client.readStream(streamId, options)) {
      if (resolved.event) events.push(fromEsdb(resolved.event, resolved.commitPosition));
    }
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
  return events;
};

export const readHead = async (
  client: EventStoreDBClient,
  streamId: string,
): Promise<StreamHead | undefined> => {
  const [last] = await readEvents(client, streamId, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
  return last && { revision: last.revision, hash: last.hash };
};

/** The events an earlier attempt of this append would occupy, if it went through. */
const whereAnEarlierAttemptWouldBe = (
  client: EventStoreDBClient,
  streamId: string,
  expected: ExpectedRevision,
  count: number,
) =>
  expected === 'any'
    ? readEvents(client, streamId, { direction: BACKWARDS, fromRevision: END, maxCount: retryWindow + count })
    : readEvents(client, streamId, {
        direction: FORWARDS,
        fromRevision: BigInt(expected === 'no_stream' ? 0 : expected + 1),
        maxCount: count,
      });

/**
 * EventStoreDB checks revisions itself, but the hash chain needs the head's hash first: read the
 * head, chain, append with that exact revision. `any` retries on a clash so the chain stays whole.
 */
export const appendToEsdb = async (
  client: EventStoreDBClient,
  streamId: string,
  events: NewEvent[],
  expectedRevision: ExpectedRevision,
): Promise<AppendResult> => {
  if (events.length === 0) throw new Error(`an append to ${streamId} needs at least one event`);
  const stamped = events.map((event, index) => ({ ...event, eventId: eventIdFor(event, streamId, index) }));
  const ids = stamped.map((event) => event.eventId);
  for (let attempt = 1; ; attempt++) {
    const head = await readHead(client, streamId);
    if (head && isRetryable(events) && (expectedRevision === 'any' || expectedRevision !== head.revision)) {
      const candidates = await whereAnEarlierAttemptWouldBe(client, streamId, expectedRevision, ids.length);
      const stored = candidates.filter((event) => ids.includes(event.eventId));
      const retried = earlierAppend(
        streamId,
        ids,
        stored.map((event) => ({ ...event })),
      );
      if (retried) return retried;
    }
    checkExpectedRevision(streamId, expectedRevision, head);
    const chained = chainEvents(streamId, stamped, head);
    try {
      const result = await client.appendToStream(streamId, chained.map(toEventData), {
        expectedRevision: head ? BigInt(head.revision) : NO_STREAM,
      });
      return {
        nextRevision: Number(result.nextExpectedRevision),
        position: Number(result.position?.commit ?? -1n),
      };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      if (expectedRevision === 'any' && attempt < maxAttempts) continue;
      const actual = error.actualVersion === NO_STREAM ? 'no_stream' : Number(error.actualVersion);
      throw new ConcurrencyError(streamId, expectedRevision, actual);
    }
  }
};

export { readEvents };
