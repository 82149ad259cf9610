import { Database, SqlExecutor } from '@multitrack/database';
import { chainEvents, ChainedNewEvent, checkExpectedRevision, earlierAppend, StreamHead, StoredId } from '../append-plan';
import { eventIdFor, isRetryable } from '../event-ids';
import { AppendResult, ExpectedRevision, NewEvent } from '../event-store.port';
import { DuplicateEventError } from '../errors';

export interface AppendHooks {
  /** Test seam: runs inside the append's transaction after the insert, just before COMMIT. */
  beforeCommit?: () => Promise<void>;
}

// One statement reads the head and, for a retry-able batch, where its ids already are.
const headAndStoredIds = `
  SELECT 'head' AS kind, NULL AS event_id, stream_id, stream_version, global_position, hash
    FROM (SELECT * FROM events WHERE stream_id = $1 ORDER BY stream_version DESC LIMIT 1) head
  UNION ALL
  SELECT 'stored', event_id::text, stream_id, stream_version, global_position, NULL
    FROM events WHERE event_id = ANY($2::uuid[])`;

interface HeadOrStoredRow {
  kind: 'head' | 'stored';
  event_id: string | null;
  stream_id: string;
  stream_version: number;
  global_position: number;
  hash: string | null;
}

// PostgreSQL allows 65,535 bind parameters per statement; 8 per event.
const rowsPerInsert = 1000;

const insert = async (tx: SqlExecutor, streamId: string, events: ChainedNewEvent[]): Promise<number> => {
  let last = 0;
  for (let start = 0; start < events.length; start += rowsPerInsert) {
    const chunk = events.slice(start, start + rowsPerInsert);
    const params: unknown[] = [];
    const values = chunk.map((event) => {
      const at = params.length;
      params.push(event.eventId, streamId, event.revision, event.type, JSON.stringify(event.data));
      params.push(JSON.stringify(event.metadata), event.hash, event.prevHash);
      return `($${at + 1}::uuid, $${at + 2}, $${at + 3}::int8, $${at + 4}, $${at + 5}::jsonb, $${at + 6}::jsonb, $${at + 7}, $${at + 8})`;
    });
    const { rows } = await tx.query<{ global_position: number }>(
      `INSERT INTO events (event_id, stream_id, stream_version, type, data, metadata, hash, prev_hash)
       VALUES ${values.join(', ')} RETURNING global_position`,
      params,
    );
    last = Math.max(last, ...rows.map((row) => row.global_position));
  }
  return last;
};

/**
 * Appends under a transaction-scoped advisory lock on the stream, so the head read, the revision
 * check and the hash chain see no concurrent writer; the unique (stream_id, stream_version) is the
 * backstop. The lock is taken before anything that assigns a transaction id, which keeps each
 * stream's events in revision order in the (transaction id, position) global order.
 */
export const appendToStream = async (
  db: Database,
  streamId: string,
  events: NewEvent[],
  expectedRevision: ExpectedRevision,
  hooks: AppendHooks = {},
): Promise<AppendResult> => {
  if (events.length === 0) throw new Error(`an append to ${streamId} needs at least one event`);
  // Ids are fixed before the transaction so that a retry of this call derives the same ones.
  const ids = isRetryable(events) ? events.map((event, index) => eventIdFor(event, streamId, index)) : [];
  const stamped = events.map((event, index) => ({ ...event, eventId: ids[index] ?? eventIdFor(event, streamId, index) }));
  try {
    return await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [streamId]);
      const { rows } = await tx.query<HeadOrStoredRow>(headAndStoredIds, [streamId, ids]);
      const headRow = rows.find((row) => row.kind === 'head');
      const head: StreamHead | undefined = headRow && { revision: headRow.stream_version, hash: headRow.hash as string };
      const stored: StoredId[] = rows
        .filter((row) => row.kind === 'stored')
        .map((row) => ({ eventId: row.event_id as string, streamId: row.stream_id, revision: row.stream_version, position: row.global_position }));
      const retried = earlierAppend(streamId, ids, stored);
      if (retried) return retried;
      checkExpectedRevision(streamId, expectedRevision, head);
      const chained = chainEvents(streamId, stamped, head);
      const position = await insert(tx, streamId, chained);
      await hooks.beforeCommit?.();
      return { nextRevision: chained[chained.length - 1].revision, position };
    });
  } catch (error) {
    // Only another stream can hold the same id here: this stream's rows were checked under the lock.
    if ((error as { code?: string }).code === '23505' && /event_id/.test(String((error as { constraint?: string }).constraint ?? (error as Error).message))) {
      throw new DuplicateEventError(streamId, stamped[0].eventId as string);
    }
    throw error;
  }
};
