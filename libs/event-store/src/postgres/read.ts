import { SqlExecutor } from '@multitrack/database';
import { RecordedEvent, ReadStreamOptions } from '../event-store.port';
import { decodeCheckpoint } from './checkpoint';
import { eventColumns, EventRow, toRecordedEvent } from './event-rows';

export const readStreamRows = async (
  db: SqlExecutor,
  streamId: string,
  { direction = 'forwards', fromRevision, maxCount }: ReadStreamOptions,
): Promise<RecordedEvent[]> => {
  const forwards = direction === 'forwards';
  const { rows } = await db.query<EventRow>(
    `SELECT ${eventColumns} FROM events
      WHERE stream_id = $1 AND ($2::int8 IS NULL OR stream_version ${forwards ? '>=' : '<='} $2::int8)
      ORDER BY stream_version ${forwards ? 'ASC' : 'DESC'} LIMIT $3`,
    [streamId, fromRevision ?? null, maxCount ?? null],
  );
  return rows.map(toRecordedEvent);
};

/**
 * The rows of the global log after cursor ($1 transaction id, $2 position), in (transaction id,
 * position) order, at most $3. Only transactions older than every transaction still running are
 * read: a position taken by a transaction that has not committed yet can never show up behind the
 * reader later. See docs/decisions/0020-gap-free-global-log.md.
 */
// `events.`: a bare `transaction_id` in ORDER BY would name the output column, which is text.
export const afterLogCursor = `(transaction_id, global_position) > ($1::text::xid8, $2::int8)
        AND transaction_id < (SELECT pg_snapshot_xmin(pg_current_snapshot()))
      ORDER BY events.transaction_id, events.global_position LIMIT $3`;

export const logCursorParams = (from: string | undefined, limit: number) => {
  const cursor = decodeCheckpoint(from);
  return [cursor.transactionId, cursor.position, limit];
};

/** One page of the global log after `from`. */
export const readLogPage = async (
  db: SqlExecutor,
  from: string | undefined,
  limit: number,
): Promise<RecordedEvent[]> => {
  const { rows } = await db.query<EventRow>(
    `SELECT ${eventColumns} FROM events WHERE ${afterLogCursor}`,
    logCursorParams(from, limit),
  );
  return rows.map(toRecordedEvent);
};
