import { EventMetadata, RecordedEvent } from '../event-store.port';
import { encodeCheckpoint } from './checkpoint';

export const eventColumns = `global_position, transaction_id::text AS transaction_id, event_id::text AS event_id,
  stream_id, stream_version, type, data, metadata, hash, prev_hash,
  floor(extract(epoch FROM recorded_at) * 1000)::int8 AS recorded_ms`;
// Milliseconds since the epoch read faster than a timestamptz parsed by the driver, and the API
// shows milliseconds anyway.

export interface EventRow {
  global_position: number;
  transaction_id: string;
  event_id: string;
  stream_id: string;
  stream_version: number;
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  recorded_ms: number;
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
  recordedAt: new Date(row.recorded_ms),
  hash: row.hash,
  prevHash: row.prev_hash,
});
