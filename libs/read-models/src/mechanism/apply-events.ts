import type { SqlExecutor } from '@multitrack/database';
import { EventEnvelope } from '@multitrack/messaging';
import { loadRevisions, saveApplied } from './bookkeeping';
import { isPoison, ProjectionError } from './errors';
import type { ReadModel } from './read-model';
import type { Write } from './row-write';
import { runWrites } from './write-rows';

export interface Gap {
  /** Index in the batch of the first event not applied. */
  index: number;
  event: EventEnvelope;
  /** The revision the stream needed next. */
  expected: number;
}

export interface Poisoned {
  index: number;
  event: EventEnvelope;
  error: unknown;
}

export interface ApplyOutcome {
  applied: number;
  duplicates: number;
  /** Set when an event's revision skips ahead of its stream: nothing from there on was applied. */
  gap?: Gap;
  /** Only when `isolatePoison`: events whose projection failed, skipped so the rest could apply. */
  poisoned: Poisoned[];
}

const projectSafely = (model: ReadModel, event: EventEnvelope, schema: string): Write[] => {
  try {
    return model.project(event, schema);
  } catch (error) {
    throw new ProjectionError(
      `${model.name} cannot project ${event.type} ${event.streamId}@${event.revision}`,
      error,
    );
  }
};

/**
 * Applies events in order inside the caller's transaction, skipping those already applied
 * (revision ≤ the stream's last) and stopping at the first that skips a revision. With
 * `isolatePoison`, each event runs under a savepoint so a poison event is rolled back alone and
 * reported; without it, the first failure propagates (the fast path: the writes of the whole
 * batch are folded per row and sent as one statement per table).
 */
export const applyEvents = async (
  tx: SqlExecutor,
  model: ReadModel,
  schema: string,
  events: EventEnvelope[],
  options: { isolatePoison?: boolean } = {},
): Promise<ApplyOutcome> => {
  const outcome: ApplyOutcome = { applied: 0, duplicates: 0, poisoned: [] };
  const last = await loadRevisions(tx, schema, [...new Set(events.map((event) => event.streamId))]);
  const changed = new Map<string, { revision: number; position: number }>();
  let newest: EventEnvelope | undefined;
  // Without isolation the writes of the whole batch run at the end, folded per row.
  const pending: Write[] = [];
  for (const [index, event] of events.entries()) {
    const lastRevision = last.get(event.streamId) ?? -1;
    if (event.revision <= lastRevision) {
      outcome.duplicates += 1;
      continue;
    }
    if (event.revision !== lastRevision + 1) {
      outcome.gap = { index, event, expected: lastRevision + 1 };
      break;
    }
    if (options.isolatePoison) {
      await tx.query('SAVEPOINT apply_event');
      try {
        await runWrites(tx, schema, projectSafely(model, event, schema));
        await tx.query('RELEASE SAVEPOINT apply_event');
        outcome.applied += 1;
      } catch (error) {
        if (!isPoison(error)) throw error;
        await tx.query('ROLLBACK TO SAVEPOINT apply_event');
        outcome.poisoned.push({ index, event, error });
      }
    } else {
      pending.push(...projectSafely(model, event, schema));
      outcome.applied += 1;
    }
    // A poison event still counts as passed: the next one of its stream must not look like a gap.
    last.set(event.streamId, event.revision);
    changed.set(event.streamId, { revision: event.revision, position: event.position });
    if (!newest || event.position > newest.position) newest = event;
  }
  await runWrites(tx, schema, pending);
  // Every applied (or poisoned) event changed a stream and is at least as new as `newest`.
  if (newest) await saveApplied(tx, schema, changed, newest);
  return outcome;
};
