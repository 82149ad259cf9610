import { setTimeout as sleep } from 'node:timers/promises';
import { IdempotencyScope } from './idempotent-request';
import { IdempotencyStore, StoredResponse } from './idempotency.store';
import { keyReused, stillInProgress } from './idempotency.problems';

export type Turn = { kind: 'execute'; claimId: string } | { kind: 'replay'; response: StoredResponse };

export interface TurnTiming {
  /** How long a second request waits for the first one's answer before a 409. */
  waitMs: number;
  /** After this long an in-progress claim is presumed abandoned (its process died). */
  staleAfterMs: number;
}

/**
 * Decides whether this request runs the handler or replays the first answer. Of several
 * simultaneous requests with one key exactly one claims it (the primary key decides); the others
 * poll, with a growing pause, until the answer is stored — or the claim is released after a
 * failure, when the next one claims it and runs.
 */
export const takeTurn = async (
  store: IdempotencyStore,
  scope: IdempotencyScope,
  requestHash: string,
  timing: TurnTiming,
): Promise<Turn> => {
  const deadline = Date.now() + timing.waitMs;
  for (let pause = 10; ; pause = Math.min(pause * 2, 250)) {
    const claimId = await store.claim(scope, requestHash, timing.staleAfterMs);
    if (claimId) return { kind: 'execute', claimId };
    const record = await store.find(scope);
    if (record && record.requestHash !== requestHash) throw keyReused();
    if (record?.state === 'completed') return { kind: 'replay', response: record.response };
    if (Date.now() >= deadline) throw stillInProgress(Math.max(1, Math.ceil(timing.waitMs / 1000)));
    if (record) await sleep(pause);
  }
};
