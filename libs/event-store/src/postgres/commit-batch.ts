import { SqlExecutor } from '@multitrack/database';
import canonicalize from 'canonicalize';
import { eventIdFor, isRetryable } from '../event-ids';
import { AppendResult } from '../event-store.port';
import { ConcurrencyError, DuplicateEventError } from '../errors';
import { checkCommit } from '../append-plan';
import { appendOutcome, AppendRequest, AppendRow, encodeEvents, isDuplicateEventId } from './append';

/** Appends to distinct streams that are written all or none. */
export type Commit = AppendRequest[];

interface BatchRow extends Omit<AppendRow, 'outcome'> {
  commit_index: number;
  append_index: number | null;
  outcome: AppendRow['outcome'] | 'error';
  error_code: string | null;
  error_constraint: string | null;
  error_message: string | null;
}

/** What one commit of a batch came to: each append's result, or why none was written. */
export type CommitSettled = PromiseSettledResult<AppendResult[]>;

const failed = (commit: Commit, row: BatchRow): Error => {
  if (row.outcome === 'conflict') {
    const append = commit.find((candidate) => candidate.streamId === row.stream_id) ?? commit[0];
    return new ConcurrencyError(append.streamId, append.expectedRevision, row.revision ?? 'no_stream');
  }
  if (isDuplicateEventId(row.error_code ?? undefined, row.error_constraint ?? undefined))
    return new DuplicateEventError(
      commit[0].streamId,
      eventIdFor(commit[0].events[0], commit[0].streamId, 0),
    );
  return Object.assign(new Error(row.error_message ?? `append to ${commit[0].streamId} failed`), {
    code: row.error_code ?? undefined,
    constraint: row.error_constraint ?? undefined,
  });
};

const settle = (work: () => AppendResult[]): CommitSettled => {
  try {
    return { status: 'fulfilled', value: work() };
  } catch (reason) {
    return { status: 'rejected', reason };
  }
};

const encodeCommit = (commit: Commit) =>
  commit.map((append) => ({
    streamId: append.streamId,
    streamJson: canonicalize(append.streamId),
    expected: String(append.expectedRevision),
    events: encodeEvents(append.streamId, append.events),
    retryable: isRetryable(append.events),
  }));

/**
 * Several commits in one statement and one transaction (`event_store_commit_batch`, see
 * commit-batch.function.sql.ts). Each commit settles on its own: a conflict or a duplicate id
 * undoes and fails only that commit. A commit that cannot even be encoded is refused before the
 * batch is sent. Throws only when the statement as a whole failed (the connection, typically):
 * then nothing of the batch was written.
 */
export const commitBatch = async (db: SqlExecutor, commits: Commit[]): Promise<CommitSettled[]> => {
  const settled: (CommitSettled | undefined)[] = commits.map(() => undefined);
  const sent: { index: number; json: unknown }[] = [];
  commits.forEach((commit, index) => {
    try {
      checkCommit(commit);
      sent.push({ index, json: encodeCommit(commit) });
    } catch (reason) {
      settled[index] = { status: 'rejected', reason };
    }
  });
  if (sent.length > 0) {
    const { rows } = await db.query<BatchRow>('SELECT * FROM event_store_commit_batch($1::jsonb)', [
      JSON.stringify(sent.map(({ json }) => json)),
    ]);
    const rowsOf = sent.map(() => [] as BatchRow[]);
    for (const row of rows) rowsOf[row.commit_index].push(row);
    sent.forEach(({ index }, position) => {
      const commit = commits[index];
      const own = rowsOf[position];
      const failure = own.find((row) => row.outcome === 'conflict' || row.outcome === 'error');
      settled[index] = failure
        ? { status: 'rejected', reason: failed(commit, failure) }
        : settle(() =>
            commit.map((append, appendIndex) =>
              appendOutcome(append, own.filter((row) => row.append_index === appendIndex) as AppendRow[]),
            ),
          );
    });
  }
  return settled as CommitSettled[];
};
