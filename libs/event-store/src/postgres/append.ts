import { Database, SqlExecutor } from '@multitrack/database';
import { checkAppend, earlierAppend } from '../append-plan';
import canonicalize from 'canonicalize';
import { eventIdFor, isRetryable } from '../event-ids';
import { AppendResult, ExpectedRevision, NewEvent } from '../event-store.port';
import { ConcurrencyError, DuplicateEventError } from '../errors';

export interface AppendHooks {
  /** Test seam: runs inside the append's transaction after the insert, just before COMMIT. */
  beforeCommit?: () => Promise<void>;
}

/** One append as `event_store_append` and `event_store_append_batch` take it. */
export interface AppendRequest {
  streamId: string;
  events: NewEvent[];
  expectedRevision: ExpectedRevision;
}

/** A row of `event_store_append` (see append.function.sql.ts). */
export interface AppendRow {
  outcome: 'stored' | 'conflict' | 'appended';
  event_id: string | null;
  stream_id: string;
  revision: number | null;
  global_position: number | null;
}

/** The events as the SQL functions take them (`p_events`). */
export const encodeEvents = (streamId: string, events: NewEvent[]) =>
  events.map((event, index) => ({
    id: eventIdFor(event, streamId, index),
    type: event.type,
    typeJson: canonicalize(event.type),
    // Canonical JSON is what gets hashed and stored, so a reader recomputes the same hash.
    data: canonicalize(event.data),
    metadata: canonicalize(event.metadata),
  }));

/** Only another stream can hold one of these ids: this stream's were looked up under the lock. */
export const isDuplicateEventId = (code: string | undefined, constraint: string | undefined): boolean =>
  code === '23505' && /event_id/.test(String(constraint));

/** What the append's rows mean for its caller: its result, or the error it gets. */
export const appendOutcome = (
  { streamId, events, expectedRevision }: AppendRequest,
  rows: AppendRow[],
): AppendResult => {
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

const call = (db: SqlExecutor, { streamId, events, expectedRevision }: AppendRequest) =>
  db.query<AppendRow>('SELECT * FROM event_store_append($1, $2, $3, $4::jsonb, $5)', [
    streamId,
    canonicalize(streamId),
    String(expectedRevision),
    JSON.stringify(encodeEvents(streamId, events)),
    isRetryable(events),
  ]);

/**
 * One statement (`event_store_append`, see append.function.sql.ts) under a transaction-scoped
 * advisory lock on the stream: head read, revision check and hash chain see no concurrent writer,
 * and the lock comes before anything that assigns a transaction id, which keeps each stream's
 * events in revision order in the (transaction id, position) global order.
 */
export const appendToStream = async (
  db: Database,
  append: AppendRequest,
  hooks: AppendHooks = {},
): Promise<AppendResult> => {
  checkAppend(append);
  const { beforeCommit } = hooks;
  let rows: AppendRow[];
  try {
    ({ rows } = beforeCommit
      ? await db.transaction(async (tx) => {
          const result = await call(tx, append);
          await beforeCommit();
          return result;
        })
      : await call(db, append));
  } catch (error) {
    const { code, constraint } = error as { code?: string; constraint?: string };
    if (isDuplicateEventId(code, constraint))
      throw new DuplicateEventError(append.streamId, eventIdFor(append.events[0], append.streamId, 0));
    throw error;
  }
  return appendOutcome(append, rows);
};
