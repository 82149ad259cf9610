import type { SqlExecutor } from '@multitrack/database';
import type { ReadModel } from './read-model';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Read-your-writes for `?minRevision=N`: resolves true once the model's row for `id` reflects
 * revision `minRevision` of its stream, false after `timeoutMs` (the API then answers 503 with
 * Retry-After). Short polling with a growing pause: works the same on PostgreSQL and PGlite.
 */
/** How far ahead of the read model a revision may be and still be waited for. */
export const PLAUSIBLE_LEAD = 100;

export const waitForRevision = async (
  db: SqlExecutor,
  readModel: ReadModel,
  id: string,
  minRevision: number,
  timeoutMs = 5000,
): Promise<boolean> => {
  if (!readModel.entity) throw new Error(`read model ${readModel.name} has no single entities`);
  const { table, idColumn } = readModel.entity;
  const deadline = Date.now() + timeoutMs;
  for (let delay = 5; ; delay = Math.min(delay * 2, 100)) {
    const { rows } = await db.query<{ revision: number }>(
      `SELECT revision FROM ${readModel.schema}.${table} WHERE ${idColumn} = $1`,
      [id],
    );
    if (rows[0] && Number(rows[0].revision) >= minRevision) return true;
    // Far beyond what the read model shows: no write in flight gets there within the wait, so
    // waiting would only hold a connection and a poller (a client's own write is a few ahead).
    if (minRevision > Number(rows[0]?.revision ?? -1) + PLAUSIBLE_LEAD) return false;
    const left = deadline - Date.now();
    if (left <= 0) return false;
    await pause(Math.min(delay, left));
  }
};
