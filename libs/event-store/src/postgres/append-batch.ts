import { SqlExecutor } from '@multitrack/database';
import canonicalize from 'canonicalize';
import { eventIdFor, isRetryable } from '../event-ids';
import { AppendResult } from '../event-store.port';
import { DuplicateEventError } from '../errors';
import { appendOutcome, AppendRequest, AppendRow, checkAppend, encodeEvents, isDuplicateEventId } from './append';

interface BatchRow extends Omit<AppendRow, 'outcome'> {
  append_index: number;
  outcome: AppendRow['outcome'] | 'error';
  error_code: string | null;
  error_constraint: string | null;
  error_message: string | null;
}

/** What one append of a batch came to: the same as `Promise.allSettled` reports. */
export type AppendSettled = PromiseSettledResult<AppendResult>;

const failedInBatch = (append: AppendRequest, row: BatchRow): Error => {
  if (isDuplicateEventId(row.error_code ?? undefined, row.error_constraint ?? undefined))
    return new DuplicateEventError(append.streamId, eventIdFor(append.events[0], append.streamId, 0));
  return Object.assign(new Error(row.error_message ?? `append to ${append.streamId} failed`), {
    code: row.error_code ?? undefined,
    constraint: row.error_constraint ?? undefined,
  });
};

const settle = (work: () => AppendResult): AppendSettled => {
  try {
    return { status: 'fulfilled', value: work() };
  } catch (reason) {
    return { status: 'rejected', reason };
  }
};

/**
 * Several appends in one statement and one transaction (`event_store_append_batch`, see
 * append-batch.function.sql.ts). Each append settles on its own: a conflict or a duplicate id fails
 * only that append. An append that cannot even be encoded is refused before the batch is sent.
 * Throws only when the statement as a whole failed (the connection, typically): then nothing of the
 * batch was written.
 */
export const appendBatch = async (db: SqlExecutor, appends: AppendRequest[]): Promise<AppendSettled[]> => {
  const settled: (AppendSettled | undefined)[] = appends.map(() => undefined);
  const sent: { index: number; json: Record<string, unknown> }[] = [];
  appends.forEach((append, index) => {
    try {
      checkAppend(append);
      sent.push({
        index,
        json: {
          streamId: append.streamId,
          streamJson: canonicalize(append.streamId),
          expected: String(append.expectedRevision),
          events: encodeEvents(append.streamId, append.events),
          retryable: isRetryable(append.events),
        },
      });
    } catch (reason) {
      settled[index] = { status: 'rejected', reason };
    }
  });
  if (sent.length > 0) {
    const { rows } = await db.query<BatchRow>('SELECT * FROM event_store_append_batch($1::jsonb)', [
      JSON.stringify(sent.map(({ json }) => json)),
    ]);
    const rowsOf = sent.map(() => [] as BatchRow[]);
    for (const row of rows) rowsOf[row.append_index].push(row);
    sent.forEach(({ index }, position) => {
      const append = appends[index];
      const own = rowsOf[position];
      settled[index] =
        own[0]?.outcome === 'error'
          ? { status: 'rejected', reason: failedInBatch(append, own[0]) }
          : settle(() => appendOutcome(append, own as AppendRow[]));
    });
  }
  return settled as AppendSettled[];
};
