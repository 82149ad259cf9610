import type { RecordedEvent } from '@multitrack/event-store';

/**
 * One event as it travels on the bus (the Kafka message value) and as projections see it.
 * Plain JSON: `recordedAt` is an ISO 8601 string.
 */
export interface EventEnvelope {
  eventId: string;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  streamId: string;
  revision: number;
  position: number;
  recordedAt: string;
  hash: string;
  prevHash: string | null;
}

export const toEnvelope = (event: RecordedEvent): EventEnvelope => ({
  eventId: event.eventId,
  type: event.type,
  data: event.data,
  metadata: event.metadata,
  streamId: event.streamId,
  revision: event.revision,
  position: event.position,
  recordedAt: event.recordedAt.toISOString(),
  hash: event.hash,
  prevHash: event.prevHash,
});

/** Throws on anything that is not an envelope: the projector dead-letters such a message. */
export const parseEnvelope = (value: string): EventEnvelope => {
  const parsed = JSON.parse(value) as EventEnvelope;
  const valid =
    typeof parsed === 'object' &&
    parsed !== null &&
    typeof parsed.type === 'string' &&
    typeof parsed.streamId === 'string' &&
    Number.isInteger(parsed.revision) &&
    Number.isInteger(parsed.position) &&
    typeof parsed.data === 'object' &&
    parsed.data !== null;
  if (!valid) throw new Error('not an event envelope');
  return parsed;
};
