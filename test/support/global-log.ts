import type { EventStore } from '@multitrack/event-store';

/**
 * Resolves once the global log shows the last event of `streamId`. On PostgreSQL the log shows a
 * transaction only once every older one on the server has ended (decision 0020), and other test
 * files' transactions can hold that back for seconds: a test that reads the log (readAll, the
 * invariant check, the relay) right after an append may not see it yet.
 */
export const untilInGlobalLog = async (store: EventStore, streamId: string, timeoutMs = 30_000) => {
  const last = (await store.readStream(streamId)).at(-1);
  if (!last) throw new Error(`${streamId} has no event to wait for`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for await (const event of store.readAll()) if (event.eventId === last.eventId) return;
    if (Date.now() > deadline) throw new Error(`the global log never showed ${streamId}@${last.revision}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};
