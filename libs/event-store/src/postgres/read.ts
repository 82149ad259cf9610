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

// `events.`: a bare `transaction_id` in ORDER BY would name the output column, which is text.
/**
 * One page of the global log after `from`, in (transaction id, position) order. Only transactions
 * older than every transaction still running are read: a position taken by a transaction that has
 * not committed yet can never show up behind the reader later. See
 * docs/decisions/0020-gap-free-global-log.md.
 */
export const readLogPage = async (
  db: SqlExecutor,
  from: string | undefined,
  limit: number,
): Promise<RecordedEvent[]> => {
  const cursor = decodeCheckpoint(from);
  const { rows } = await db.query<EventRow>(
    `SELECT ${eventColumns} FROM events
      WHERE (transaction_id, global_position) > ($1::text::xid8, $2::int8)
        AND transaction_id < (SELECT pg_snapshot_xmin(pg_current_snapshot()))
      ORDER BY events.transaction_id, events.global_position LIMIT $3`,
    [cursor.transactionId, cursor.position, limit],
  );
  return rows.map(toRecordedEvent);
};
