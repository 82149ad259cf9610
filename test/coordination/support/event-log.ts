import type { EventStore, RecordedEvent } from '@multitrack/event-store';

/** The whole global log, as stored (no upcasting): what an auditor or an attacker with the disk sees. */
export const wholeLog = async (store: EventStore): Promise<RecordedEvent[]> => {
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll({ asStored: true })) events.push(event);
  return events;
};

export const streamOf = async (store: EventStore, streamId: string) =>
  (await store.readStream(streamId)).map(({ type, data, metadata, revision }) => ({
    type,
    data,
    metadata,
    revision,
  }));
