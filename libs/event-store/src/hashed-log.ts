import canonicalize from 'canonicalize';
import { EventStore, HashedEvent, ReadAllOptions, RecordedEvent } from './event-store.port';

/** An event as stored, in the form its hash covers. */
export const toHashedEvent = (event: RecordedEvent): HashedEvent => ({
  streamId: event.streamId,
  revision: event.revision,
  position: event.position,
  checkpoint: event.checkpoint,
  type: event.type,
  hash: event.hash,
  prevHash: event.prevHash,
  canonicalData: canonicalize(event.data) as string,
  canonicalMetadata: canonicalize(event.metadata) as string,
});

/**
 * The global log in the form the hashes cover, for integrity checks: the adapter's own fast read
 * when it has one (PostgreSQL keeps the canonical text next to the payload), else `readAll` as
 * stored, canonicalised here.
 */
export async function* readHashedLog(
  store: EventStore,
  options: Omit<ReadAllOptions, 'asStored'> = {},
): AsyncGenerator<HashedEvent> {
  if (store.readAllHashed) {
    yield* store.readAllHashed(options);
    return;
  }
  for await (const event of store.readAll({ ...options, asStored: true })) yield toHashedEvent(event);
}
