import type { SqlExecutor } from '@multitrack/database';
import { ProblemException, problemType, statusProblem } from '@multitrack/platform';
import { waitForRevision, type ReadModel } from '@multitrack/read-models';

/** API.md: how long `?minRevision=N` waits for the read model before answering 503. */
export const MIN_REVISION_WAIT_MS = 5000;
export const MIN_REVISION_RETRY_AFTER_S = 1;

/** Resolves once the read model shows revision `minRevision` of the entity; else a 503 problem. */
export const awaitRevision = async (
  db: SqlExecutor,
  readModel: ReadModel,
  id: string,
  minRevision: number | undefined,
  timeoutMs = MIN_REVISION_WAIT_MS,
): Promise<void> => {
  if (minRevision === undefined) return;
  if (await waitForRevision(db, readModel, id, minRevision, timeoutMs)) return;
  throw new ProblemException(
    {
      ...statusProblem(503, `the read model does not show revision ${minRevision} of ${id} yet; retry`),
      type: problemType('not-yet-consistent'),
    },
    { 'Retry-After': String(MIN_REVISION_RETRY_AFTER_S) },
  );
};
