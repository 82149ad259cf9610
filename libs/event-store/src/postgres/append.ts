import { Database, SqlExecutor } from '@multitrack/database';
import { earlierAppend } from '../append-plan';
import canonicalize from 'canonicalize';
import { eventIdFor, isRetryable } from '../event-ids';
import { AppendResult, ExpectedRevision, NewEvent } from '../event-store.port';
import { ConcurrencyError, DuplicateEventError } from '../errors';

export interface AppendHooks {
  /** Test seam: runs inside the append's transaction after the insert, just before COMMIT. */
  beforeCommit?: () => Promise<void>;
}

interface AppendRow {
  outcome: 'stored' | 'conflict' | 'appended';
  event_id: string | null;
  stream_id: string;
  revision: number | null;
  global_position: number | null;
}

const payload = (streamId: string, events: NewEvent[]) =>
  JSON.stringify(
    events.map((event, index) => ({
      id: eventIdFor(event, streamId, index),
      type: event.type,
      typeJson: canonicalize(event.type),
      // Canonical JSON is what gets hashed and stored, so a reader recomputes the same hash.
      data: canonicalize(event.data),
      metadata: canonicalize(event.metadata),
    })),
  );

const call = (
  db: SqlExecutor,
  streamId: string,
  expected: ExpectedRevision,
  events: string,
  retryable: boolean,
) =>
  db.query<AppendRow>('SELECT * FROM event_store_append($1, $2, $3, $4::jsonb, $5)', [
    streamId,
    canonicalize(streamId),
    String(expected),
    events,
    retryable,
  ]);

/**
 * One statement (`event_store_append`, see append.function.sql.ts) under a transaction-scoped
 * advisory lock on the stream: head read, revision check and hash chain see no concurrent writer,
 * and the lock comes before anything that assigns a transaction id, which keeps each stream's
 * events in revision order in the (transaction id, position) global order.
 */
export const appendToStream = async (
  db: Database,
  streamId: string,
  events: NewEvent[],
  expectedRevision: ExpectedRevision,
  hooks: AppendHooks = {},
): Promise<AppendResult> => {
  if (events.length === 0) throw new Error(`an append to ${streamId} needs at least one event`);
  const retryable = isRetryable(events);
  const json = payload(streamId, events);
  const { beforeCommit } = hooks;
  let rows: AppendRow[];
  try {
    ({ rows } = beforeCommit
      ? await db.transaction(async (tx) => {
          const result = await call(tx, streamId, expectedRevision, json, retryable);
          await beforeCommit();
          return result;
        })
      : await call(db, streamId, expectedRevision, json, retryable));
  } catch (error) {
    // Only another stream can hold one of these ids: this stream's were looked up under the lock.
    if (
      (error as { code?: string }).code === '23505' &&
      /event_id/.test(String((error as { constraint?: string }).constraint))
    ) {
      throw new DuplicateEventError(streamId, eventIdFor(events[0], streamId, 0));
    }
    throw error;
  }
  const [first] = rows;
  if (first.outcome === 'conflict')
    throw new ConcurrencyError(streamId, expectedRevision, first.revision ?? 'no_stream');
  if (first.outcome === 'appended')
    return { nextRevision: first.revision as number, position: first.global_position as number };
  const ids = events.map((event, index) => eventIdFor(event, streamId, index));
  const stored = rows.map((row) => ({
    eventId: row.event_id as string,
    streamId: row.stream_id,
    revision: row.revision as number,
    position: row.global_position as number,
  }));
  return earlierAppend(streamId, ids, stored) as AppendResult;
};
