import { v4 as randomUuid, v5 as uuidV5 } from 'uuid';
import { NewEvent } from './event-store.port';

// A fixed namespace so the same command retried anywhere derives the same event ids.
const namespace = '6b1f8f7e-3c55-5f0a-9a43-5d3c1e2b7a10';

/**
 * The event's id: the caller's, else UUID v5 of (idempotency key, stream, index in the batch) so a
 * retried command produces the same ids and is recognised as already stored; random otherwise.
 */
export const eventIdFor = (event: NewEvent, streamId: string, index: number): string => {
  if (event.eventId) return event.eventId;
  const key = event.metadata.idempotencyKey;
  return key ? uuidV5(JSON.stringify([key, streamId, index]), namespace) : randomUuid();
};

/** True when every id is deterministic, so an earlier identical append can be looked up. */
export const isRetryable = (events: NewEvent[]): boolean =>
  events.every((event) => Boolean(event.eventId || event.metadata.idempotencyKey));
