import type { Database } from '@multitrack/database';
import { toEnvelope, type EventEnvelope, topicForStream } from '@multitrack/messaging';
import type { EventStore } from '@multitrack/event-store';
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
  /** Events applied per transaction (default `defaultRebuildBatchSize`). */
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

/** A read model and the schema a rebuild fills. */
export interface RebuildTarget {
  model: ReadModel;
  schema: string;
}

/** Events per transaction: big batches fold many events into each row write (decision 0141). */
export const defaultRebuildBatchSize = 10_000;

/**
 * Writes one batch per target (each in its own transaction, side by side) while the caller goes
 * on reading the log: reading and writing overlap by one batch. A failure is kept until `settle`.
 */
const writer = (db: Database, targets: RebuildTarget[]) => {
  let inFlight: Promise<{ poisoned: number } | { error: unknown }> = Promise.resolve({ poisoned: 0 });
  let poisoned = 0;
  const settle = async () => {
    const done = await inFlight;
    if ('error' in done) throw done.error;
    poisoned += done.poisoned;
    inFlight = Promise.resolve({ poisoned: 0 });
    return poisoned;
  };
  return {
    async write(batches: EventEnvelope[][]) {
      await settle();
      inFlight = Promise.all(
        targets.map(({ model, schema }, i) => (batches[i].length ? flush(db, model, schema, batches[i]) : 0)),
      ).then(
        (counts) => ({ poisoned: counts.reduce((a, b) => a + b, 0) }),
        (error: unknown) => ({ error }),
      );
    },
    settle,
  };
};

/** Reads the log after `from` to its current end once, applying each target's events to its schema. */
export const catchUpAll = async (
  store: EventStore,
  db: Database,
  targets: RebuildTarget[],
  from: RebuildReached,
  options: RebuildOptions = {},
): Promise<RebuildReached> => {
  const batchSize = options.batchSize ?? defaultRebuildBatchSize;
  const started = Date.now();
  let lastReport = started;
  const reached = { ...from };
  const output = writer(db, targets);
  let batches = targets.map((): EventEnvelope[] => []);
  let pending = 0;
  const follows = new Map<string, number[]>();
  for await (const event of store.readAll({ from: from.checkpoint, batchSize: Math.min(batchSize, 5_000) })) {
    const topic = topicForStream(event.streamId);
    let readers = follows.get(topic);
    if (!readers)
      follows.set(
        topic,
        (readers = targets.flatMap((target, i) => (target.model.topics.includes(topic) ? [i] : []))),
      );
    if (readers.length) {
      const envelope = toEnvelope(event);
      for (const i of readers) batches[i].push(envelope);
      pending += 1;
    }
    reached.checkpoint = event.checkpoint;
    reached.position = event.position;
    reached.events += 1;
    if (pending >= batchSize) {
      await output.write(batches);
      batches = targets.map(() => []);
      pending = 0;
    }
    if (options.onProgress && Date.now() - lastReport >= (options.progressEveryMs ?? 1000)) {
      lastReport = Date.now();
      const eventsPerSecond = (reached.events - from.events) / Math.max(0.001, (lastReport - started) / 1000);
      const left =
        options.headPosition === undefined ? null : Math.max(0, options.headPosition - reached.position);
      options.onProgress({
        readModel: targets.map((target) => target.model.name).join(', '),
        events: reached.events,
        position: reached.position,
        eventsPerSecond,
        etaSeconds: left === null ? null : left / Math.max(eventsPerSecond, 1),
      });
    }
  }
  if (pending > 0) await output.write(batches);
  reached.poisoned = from.poisoned + (await output.settle());
  return reached;
};

/** Reads the log after `from` to its current end, applying the model's events to `schema`. */
export const catchUp = (
  store: EventStore,
  db: Database,
  model: ReadModel,
  schema: string,
  from: RebuildReached,
  options: RebuildOptions = {},
): Promise<RebuildReached> => catchUpAll(store, db, [{ model, schema }], from, options);

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
      await tx.exec(
        `DROP SCHEMA IF EXISTS ${retired} CASCADE; LOCK TABLE ${live}.consumer_offsets IN EXCLUSIVE MODE`,
      );
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
  throw new Error(
    `${model.name}: the live projector kept ahead of the rebuild ${maxSwapAttempts} times; try again`,
  );
};

/** Rebuilds a read model from the event store and swaps it in; queries keep answering throughout. */
export const rebuildReadModel = async (
  store: EventStore,
  db: Database,
  model: ReadModel,
  options: RebuildOptions = {},
): Promise<RebuildReached> => (await rebuildReadModels(store, db, [model], options))[0];

/**
 * Rebuilds several read models in one pass over the log (each into its shadow schema), then swaps
 * each in as `rebuildReadModel` does. Returns what each swapped-in model had read.
 */
export const rebuildReadModels = async (
  store: EventStore,
  db: Database,
  models: ReadModel[],
  options: RebuildOptions = {},
): Promise<RebuildReached[]> => {
  const targets = models.map((model) => ({ model, schema: `${model.schema}__rebuild` }));
  for (const { model, schema } of targets) await createScratchSchema(db, model, schema);
  const reached = await catchUpAll(store, db, targets, { position: -1, events: 0, poisoned: 0 }, options);
  const swapped: RebuildReached[] = [];
  for (const { model, schema } of targets)
    swapped.push(await swapIn(store, db, model, schema, reached, options));
  return swapped;
};
