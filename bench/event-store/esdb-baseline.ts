import { ANY, EventStoreDBClient, FORWARDS, jsonEvent, START } from '@eventstore/db-client';
import { randomUUID } from 'node:crypto';
import { NewEvent } from '@multitrack/event-store';

/** Plain client appends and `$all` reads: no head read, no hash chain, no upcasting. */
export const eventStoreDbBaseline = async (connectionString: string) => {
  const client = EventStoreDBClient.connectionString(connectionString);
  return {
    async insert(streamId: string, events: NewEvent[]): Promise<number> {
      const data = events.map((event) =>
        jsonEvent({ id: randomUUID(), type: event.type, data: event.data, metadata: event.metadata }),
      );
      await client.appendToStream(streamId, data, { expectedRevision: ANY });
      return events.length;
    },
    async readAll(): Promise<number> {
      let read = 0;
      for await (const resolved of client.readAll({ fromPosition: START, direction: FORWARDS })) {
        if (resolved.event && !resolved.event.streamId.startsWith('$')) read++;
      }
      return read;
    },
    close: () => client.dispose(),
  };
};
