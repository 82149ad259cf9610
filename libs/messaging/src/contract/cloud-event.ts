import type { RecordedEvent } from '@multitrack/event-store';
import { CLOUDEVENTS_SOURCE } from './event-message';

/**
 * One event of the log as a CloudEvents 1.0 structured-mode JSON document: the body of the feed's
 * items and of every webhook delivery. Its attributes are those of the bus's binary-mode headers
 * (`toMessage`); `position` and `revision` are extension attributes.
 */
export interface CloudEvent {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  position: number;
  revision: number;
  data: Record<string, unknown>;
}

/** `data` is passed in: whoever publishes decides what of the event's payload may leave (no personal data). */
export const toCloudEvent = (event: RecordedEvent, data: Record<string, unknown>): CloudEvent => ({
  specversion: '1.0',
  id: event.eventId,
  source: CLOUDEVENTS_SOURCE,
  type: event.type,
  subject: event.streamId,
  time: event.recordedAt.toISOString(),
  datacontenttype: 'application/json',
  position: event.position,
  revision: event.revision,
  data,
});
