import { jsonEvent, Position, RecordedEvent as EsdbRecordedEvent } from '@eventstore/db-client';
import { ChainedNewEvent } from '../append-plan';
import { EventMetadata, isSystemStream, RecordedEvent } from '../event-store.port';

/** The chain lives in the metadata on EventStoreDB; readers get it back as fields. */
interface StoredMetadata extends EventMetadata {
  hash: string;
  prevHash: string | null;
}

export const toEventData = (event: ChainedNewEvent) =>
  jsonEvent({
    id: event.eventId,
    type: event.type,
    data: event.data,
    metadata: { ...event.metadata, hash: event.hash, prevHash: event.prevHash },
  });

export const encodeCheckpoint = ({ commit, prepare }: Position): string => `esdb:${commit}:${prepare}`;

export const decodeCheckpoint = (checkpoint: string): Position => {
  const match = /^esdb:(\d+):(\d+)$/.exec(checkpoint);
  if (!match) throw new Error(`not an EventStoreDB checkpoint: ${checkpoint}`);
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
};

/** True when `position` is at or before `checkpoint` (already delivered). */
export const isAtOrBefore = (position: Position, checkpoint: Position): boolean =>
  position.commit < checkpoint.commit ||
  (position.commit === checkpoint.commit && position.prepare <= checkpoint.prepare);

/** System streams and events (`$…`) are EventStoreDB's own, never part of our log. */
export const isSystemEvent = (event: { streamId: string; type: string }): boolean =>
  isSystemStream(event.streamId) || event.type.startsWith('$');

/** The property a multi-stream append keeps the whole metadata in (see esdb-multi-append.ts). */
export const ENCODED_METADATA = 'multitrack-metadata';

const storedMetadata = (raw: unknown): StoredMetadata => {
  const encoded = (raw as Record<string, unknown> | undefined)?.[ENCODED_METADATA];
  return (typeof encoded === 'string' ? JSON.parse(encoded) : (raw ?? {})) as StoredMetadata;
};

export const fromEsdb = (event: EsdbRecordedEvent, commitPosition?: bigint): RecordedEvent => {
  const { hash, prevHash, ...metadata } = storedMetadata(event.metadata);
  const position = event.position ?? { commit: commitPosition ?? -1n, prepare: commitPosition ?? -1n };
  return {
    eventId: event.id,
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata: metadata as EventMetadata,
    streamId: event.streamId,
    revision: Number(event.revision),
    // Commit positions are byte offsets in the transaction file: exact as a JS number below 8 PiB.
    position: Number(position.commit),
    checkpoint: encodeCheckpoint(position),
    recordedAt: event.created,
    hash,
    prevHash: prevHash ?? null,
  };
};
