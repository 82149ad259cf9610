import type { RecordedEvent } from '@multitrack/event-store';
import type { BusMessage } from '../bus.port';
import { toEnvelope } from './event-envelope';
import { topicForStream } from './topics';

/** The CloudEvents `source` of every event of the log, on the bus and in feeds. */
export const CLOUDEVENTS_SOURCE = '/multitrack/event-store';

/**
 * One stored event as one Kafka message: keyed by stream (one stream, one partition, one order),
 * the envelope as JSON, and CloudEvents binary-mode headers so that consumers outside this
 * codebase can route without parsing the value.
 */
export const toMessage = (event: RecordedEvent, topicPrefix = ''): BusMessage => {
  const headers: Record<string, string> = {
    ce_specversion: '1.0',
    ce_id: event.eventId,
    ce_type: event.type,
    ce_source: CLOUDEVENTS_SOURCE,
    ce_subject: event.streamId,
    ce_time: event.recordedAt.toISOString(),
    'content-type': 'application/json',
    position: String(event.position),
    revision: String(event.revision),
  };
  if (typeof event.metadata.traceparent === 'string') headers.traceparent = event.metadata.traceparent;
  return {
    topic: topicPrefix + topicForStream(event.streamId),
    key: event.streamId,
    value: JSON.stringify(toEnvelope(event)),
    headers,
  };
};
