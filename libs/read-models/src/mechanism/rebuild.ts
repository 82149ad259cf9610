import type { Database } from '@multitrack/database';
import type { EventStore } from '@multitrack/event-store';
import { toEnvelope, type EventEnvelope } from '../envelope';
import { topicForStream } from '../topics';
import { applyEvents } from './apply-events';
import { isPoison, RevisionGapError } from './errors';
import { createScratchSchema, dropSchema, installReadModel } from './install';
import type { ReadModel } from './read-model';

export interface RebuildProgress {
  readModel: string;
  /** Events read from the log so far (all categories). */
  events: number;
  position: number;
  eventsPerSecond: number;
  /** Estimated from `headPosition`, when given. */
  etaSeconds: number | null;
}

export interface RebuildOptions {
  batchSize?: number;
  /** The log's last position, if known, for the ETA (positions roughly count events). */
  headPosition?: number;
  onProgress?: (progress: RebuildProgress) => void;
  progressEveryMs?: number;
}

/** How far a rebuild has read: resume `readAll` from `checkpoint`. */
export interface RebuildReached {
  checkpoint?: string;
  position: number;
  events: number;
  /** Events whose projection failed; the live projector dead-letters the same ones. */
  poisoned: number;
}

const flush = async (db: Database, model: ReadModel, schema: string, batch: EventEnvelope[]) => {
  const apply = (isolatePoison: boolean) =>
    db.transaction((tx) => applyEvents(tx, model, schema, batch, { isolatePoison }));
  const outcome = await apply(false).catch((error) => {
    if (isPoison(error)) return apply(true);
    throw error;
  });
  if (outcome.gap) {
    const { event, expected } = outcome.gap;
    throw new RevisionGapError(`the log skips from ${event.streamId}@${expected - 1} to @${event.revision}`);
  }
  return outcome.poisoned.length;
};

/** Reads the log after `from` to its current end, applying the model's events to `schema`. */
export const catchUp = async (
  store: EventStore,
  db: Database,
  model: ReadModel,
  schema: string,
  from: RebuildReached,
  options: RebuildOptions = {},
): Promise<RebuildReached> => {
  const batchSize = options.batchSize ?? 1000;
  const started = Date.now();
  let lastReport = started;
  const reached = { ...from };
  let batch: EventEnvelope[] = [];
  for await (const event of store.readAll({ from: from.checkpoint, batchSize })) {
    if (model.topics.includes(topicForStream(event.streamId))) batch.push(toEnvelope(event));
    Object.assign(reached, { checkpoint: event.checkpoint, position: event.position, events: reached.events + 1 });
    if (batch.length >= batchSize) {
      reached.poisoned += await flush(db, model, schema, batch);
      batch = [];
    }
    if (options.onProgress && Date.now() - lastReport >= (options.progressEveryMs ?? 1000)) {
      lastReport = Date.now();
      const eventsPerSecond = (reached.events - from.events) / Math.max(0.001, (lastReport - started) / 1000);
      const left = options.headPosition === undefined ? null : Math.max(0, options.headPosition - reached.position);
      options.onProgress({
        readModel: model.name,
        events: reached.events,
        position: reached.position,
        eventsPerSecond,
        etaSeconds: left === null ? null : left / Math.max(eventsPerSecond, 1),
      });
    }
  }
  if (batch.length > 0) reached.poisoned += await flush(db, model, schema, batch);
  return reached;
};

/**
 * Builds the model's tables from the whole event store (not the bus) in `schema`, leaving live
 * tables alone. Used by the rebuild, and by the audit's reconciliation to diff against live.
 */
export const rebuildIntoSchema = async (
  store: EventStore,
  db: Database,
  model: ReadModel,
  schema: string,
  options: RebuildOptions = {},
): Promise<RebuildReached> => {
  await createScratchSchema(db, model, schema);
  return catchUp(store, db, model, schema, { position: -1, events: 0, poisoned: 0 }, options);
};

const maxSwapAttempts = 50;

/**
 * Swaps a rebuilt schema in for the live one in one transaction (two schema renames), with the
 * live consumer offsets. The live projector's offsets are locked for that moment; if it has
 * applied anything the rebuild has not read yet, the swap backs off, catches up and tries again —
 * so the swapped-in tables hold at least everything the live ones held, and the projector resumes
 * from the same offsets (what the rebuild already has comes again as duplicates, ignored).
 */
export const swapIn = async (
  store: EventStore,
  db: Database,
  model: ReadModel,
  rebuilt: string,
  reached: RebuildReached,
  options: RebuildOptions = {},
): Promise<RebuildReached> => {
  const live = model.schema;
  const retired = `${live}__retired`;
  await installReadModel(db, model);
  for (let attempt = 0; attempt < maxSwapAttempts; attempt++) {
    reached = await catchUp(store, db, model, rebuilt, reached, options);
    const position = reached.position;
    const swapped = await db.transaction(async (tx) => {
      await tx.exec(`DROP SCHEMA IF EXISTS ${retired} CASCADE; LOCK TABLE ${live}.consumer_offsets IN EXCLUSIVE MODE`);
      const { rows } = await tx.query<{ position: number }>(`SELECT position FROM ${live}.progress`);
      if (rows[0] && Number(rows[0].position) > position) return false;
      await tx.exec(`
        DELETE FROM ${rebuilt}.consumer_offsets;
        INSERT INTO ${rebuilt}.consumer_offsets SELECT * FROM ${live}.consumer_offsets;
        ALTER SCHEMA ${live} RENAME TO ${retired};
        ALTER SCHEMA ${rebuilt} RENAME TO ${live};`);
      return true;
    });
    if (swapped) {
      await dropSchema(db, retired);
      return reached;
    }
  }
  throw new Error(`${model.name}: the live projector kept ahead of the rebuild ${maxSwapAttempts} times; try again`);
};

/** Rebuilds a read model from the event store and swaps it in; queries keep answering throughout. */
export const rebuildReadModel = async (
  store: EventStore,
  db: Database,
  model: ReadModel,
  options: RebuildOptions = {},
): Promise<RebuildReached> => {
  const rebuilt = `${model.schema}__rebuild`;
  const reached = await rebuildIntoSchema(store, db, model, rebuilt, options);
  return swapIn(store, db, model, rebuilt, reached, options);
};
