import type { SqlExecutor } from '@multitrack/database';
import { isSystemStream, type EventStore, type RecordedEvent } from '@multitrack/event-store';
import { lastLeaf, leafAt, leafAtOrAfter } from '../transparency/leaf-positions';

// The store fetches the next page while this one is written out: two pages are held at once.
const readBatch = 1000;

/**
 * The global log, as stored (not upcast: exactly what was hashed), starting at the event whose
 * position is `fromPosition` (or, if none has it, the smallest position above it), without the
 * store's own system streams. The leaf table turns the position into a resume token; past the
 * leaves written so far, the rest is scanned.
 */
export async function* readLogFrom(
  store: EventStore,
  db: SqlExecutor,
  fromPosition = 0,
): AsyncGenerator<RecordedEvent> {
  for await (const event of storedLogFrom(store, db, fromPosition))
    if (!isSystemStream(event.streamId)) yield event;
}

async function* storedLogFrom(
  store: EventStore,
  db: SqlExecutor,
  fromPosition = 0,
): AsyncGenerator<RecordedEvent> {
  const leaf = fromPosition > 0 ? await leafAtOrAfter(db, fromPosition) : undefined;
  if (fromPosition <= 0 || leaf?.leafIndex === 0) {
    yield* store.readAll({ asStored: true, batchSize: readBatch });
    return;
  }
  if (leaf) {
    const before = await leafAt(db, leaf.leafIndex - 1);
    if (before) {
      yield* store.readAll({ from: before.checkpoint, asStored: true, batchSize: readBatch });
      return;
    }
  }
  // Not in the leaf table yet (the feeder follows a few milliseconds behind): scan from its end.
  const last = await lastLeaf(db);
  let started = false;
  for await (const event of store.readAll({ from: last?.checkpoint, asStored: true, batchSize: readBatch })) {
    started ||= event.position >= fromPosition;
    if (started) yield event;
  }
}

/** An event as the audit API shows it: every stored field, `recordedAt` in ISO 8601 UTC. */
export const toAuditEvent = (event: RecordedEvent) => ({
  position: event.position,
  eventId: event.eventId,
  streamId: event.streamId,
  revision: event.revision,
  type: event.type,
  data: event.data,
  metadata: event.metadata,
  recordedAt: event.recordedAt.toISOString(),
  hash: event.hash,
  prevHash: event.prevHash,
});

export type AuditEvent = ReturnType<typeof toAuditEvent>;
