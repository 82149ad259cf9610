import { EventMetadata, RecordedEvent } from '../event-store.port';
import { encodeCheckpoint } from './checkpoint';

export const eventColumns = `global_position, transaction_id::text AS transaction_id, event_id::text AS event_id,
  stream_id, stream_version, type, data, metadata, recorded_at, hash, prev_hash`;

export interface EventRow {
  global_position: number;
  transaction_id: string;
  event_id: string;
  stream_id: string;
  stream_version: number;
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  recorded_at: Date;
  hash: string;
  prev_hash: string | null;
}

export const toRecordedEvent = (row: EventRow): RecordedEvent => ({
  eventId: row.event_id,
  type: row.type,
  data: row.data,
  metadata: row.metadata,
  streamId: row.stream_id,
  revision: row.stream_version,
  position: row.global_position,
  checkpoint: encodeCheckpoint({ transactionId: row.transaction_id, position: row.global_position }),
  recordedAt: row.recorded_at,
  hash: row.hash,
  prevHash: row.prev_hash,
});
