import { SqlExecutor } from '@multitrack/database';
import canonicalize from 'canonicalize';
import { HashedEvent } from '../event-store.port';
import { encodeCheckpoint } from './checkpoint';
import { afterLogCursor, logCursorParams } from './read';

interface HashedRow {
  global_position: number;
  transaction_id: string;
  stream_id: string;
  stream_version: number;
  type: string;
  hash: string;
  prev_hash: string | null;
  canonical_data: string | null;
  canonical_metadata: string | null;
  /** The canonical text is there and is the stored jsonb: NULL when absent, false when it differs. */
  agrees: boolean | null;
}

// jsonb stays the record that every reader is served (readAll, readStream, the audit API's
// exports); the canonical text is only trusted where PostgreSQL finds it equal to that jsonb, so
// an edit of either column is seen exactly as an edit of the jsonb was before. Decision 0130.
const selectHashed = (agrees: string) => `SELECT global_position, transaction_id::text AS transaction_id,
  stream_id, stream_version, type, hash, prev_hash, canonical_data, canonical_metadata, ${agrees} AS agrees
  FROM events WHERE ${afterLogCursor}`;
const textAgrees = 'canonical_data::jsonb = data AND canonical_metadata::jsonb = metadata';

const fromRow = (row: HashedRow, canonicalData: string, canonicalMetadata: string): HashedEvent => ({
  streamId: row.stream_id,
  revision: row.stream_version,
  position: row.global_position,
  checkpoint: encodeCheckpoint({ transactionId: row.transaction_id, position: row.global_position }),
  type: row.type,
  hash: row.hash,
  prevHash: row.prev_hash,
  canonicalData,
  canonicalMetadata,
});

/** The stored jsonb of these rows, canonicalised here: events older than the text, or whose text was edited. */
const canonicalisedPayloads = async (db: SqlExecutor, positions: number[]) => {
  const { rows } = await db.query<{ global_position: number; data: unknown; metadata: unknown }>(
    'SELECT global_position, data, metadata FROM events WHERE global_position = ANY ($1::int8[])',
    [positions],
  );
  return new Map(
    rows.map((row) => [
      row.global_position,
      [canonicalize(row.data) as string, canonicalize(row.metadata) as string],
    ]),
  );
};

const isUnparsableText = (error: unknown) => (error as { code?: string }).code === '22P02';

/**
 * One page of the global log as `HashedEvent`s. A canonical text that is not even JSON (edited by
 * hand) fails the page's cast: then the whole page is read from the jsonb.
 */
export const readHashedLogPage = async (
  db: SqlExecutor,
  from: string | undefined,
  limit: number,
): Promise<HashedEvent[]> => {
  const params = logCursorParams(from, limit);
  let rows: HashedRow[];
  try {
    ({ rows } = await db.query<HashedRow>(selectHashed(textAgrees), params));
  } catch (error) {
    if (!isUnparsableText(error)) throw error;
    ({ rows } = await db.query<HashedRow>(selectHashed('NULL::boolean'), params));
  }
  const stale = rows.filter((row) => row.agrees !== true).map((row) => row.global_position);
  const payloads = stale.length > 0 ? await canonicalisedPayloads(db, stale) : undefined;
  return rows.map((row) => {
    if (row.agrees === true)
      return fromRow(row, row.canonical_data as string, row.canonical_metadata as string);
    const [data, metadata] = payloads?.get(row.global_position) as [string, string];
    return fromRow(row, data, metadata);
  });
};
