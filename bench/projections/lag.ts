import type { SqlExecutor } from '@multitrack/database';
import type { EventStore } from '@multitrack/event-store';
import { fundingStory, type StoryEvent } from '@multitrack/read-models';
import { toNew, visibleRow } from './workload';

export interface LagResult {
  rate: number;
  /** Commands acknowledged per second during the measured window. */
  achieved: number;
  commands: number;
  medianMs: number;
  p99Ms: number;
  maxMs: number;
  /** Commands whose row had not shown the revision when the run gave up waiting. */
  neverVisible: number;
  /** Commands not sent because every story had a command in flight (the store fell behind the rate). */
  skipped: number;
  appendP99Ms: number;
}

interface Waiting {
  table: string;
  id: string;
  revision: number;
  ackedAt: number;
  measured: boolean;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;

/** A story being told one command at a time: each stream's next event waits for its previous one. */
interface Teller {
  n: number;
  events: StoryEvent[];
  next: number;
  busy: boolean;
  revisions: Map<string, number>;
}

/**
 * Open-loop load: `rate` commands per second (one event appended through the store each, exact
 * expected revision), for `warmUpSeconds` unmeasured and `seconds` measured. A watcher polls the
 * read models (one query over the four entity tables every `pollMs`) and records, for each
 * measured command, the time from the append's acknowledgement to the first poll that returned
 * its row at that revision (an upper bound: the row became visible at most one poll earlier).
 */
export const measureLag = async (
  store: EventStore,
  db: SqlExecutor,
  options: { rate: number; seconds: number; warmUpSeconds: number; firstStory: number; pollMs?: number },
): Promise<LagResult & { nextStory: number }> => {
  const { rate, seconds, warmUpSeconds } = options;
  let nextStory = options.firstStory;
  const tellers: Teller[] = Array.from({ length: Math.max(64, rate / 4) }, () => ({
    n: -1,
    events: [],
    next: 0,
    busy: false,
    revisions: new Map(),
  }));
  const renew = (teller: Teller) =>
    Object.assign(teller, { n: nextStory, events: fundingStory(nextStory++), next: 0, revisions: new Map() });
  tellers.forEach(renew);
  const waiting: Waiting[] = [];
  const lags: number[] = [];
  const appendMs: number[] = [];
  let acked = 0;
  let skipped = 0;
  const began = Date.now();
  const measureFrom = began + warmUpSeconds * 1000;
  const measureUntil = measureFrom + seconds * 1000;
  let cursor = 0;

  const command = async (teller: Teller) => {
    teller.busy = true;
    const event = teller.events[teller.next++];
    const previous = teller.revisions.get(event.streamId);
    const sent = Date.now();
    const { nextRevision } = await store.appendToStream(event.streamId, [toNew(event, teller.n)], {
      expectedRevision: previous ?? 'no_stream',
    });
    const ackedAt = Date.now();
    teller.revisions.set(event.streamId, nextRevision);
    const measured = sent >= measureFrom && sent < measureUntil;
    if (measured) {
      acked += 1;
      appendMs.push(ackedAt - sent);
    }
    waiting.push({ ...visibleRow(event.streamId), revision: nextRevision, ackedAt, measured });
    if (teller.next >= teller.events.length) renew(teller);
    teller.busy = false;
  };

  let watching = true;
  const watch = async () => {
    while (watching || waiting.length > 0) {
      const started = Date.now();
      if (waiting.length > 0) {
        const tables = [...new Set(waiting.map((w) => w.table))];
        const ids = tables.map((table) => [
          ...new Set(waiting.filter((w) => w.table === table).map((w) => w.id)),
        ]);
        const { rows } = await db.query<{ t: number; id: string; revision: number }>(
          tables
            .map(
              (table, i) => `SELECT ${i} AS t, id, revision FROM ${table} WHERE id = ANY($${i + 1}::text[])`,
            )
            .join(' UNION ALL '),
          ids,
        );
        const seenAt = Date.now();
        const reached = new Map(rows.map((row) => [`${tables[row.t]} ${row.id}`, Number(row.revision)]));
        for (let i = waiting.length - 1; i >= 0; i--) {
          const w = waiting[i];
          if ((reached.get(`${w.table} ${w.id}`) ?? -1) < w.revision) continue;
          if (w.measured) lags.push(seenAt - w.ackedAt);
          waiting.splice(i, 1);
        }
        if (!watching && Date.now() - measureUntil > 30_000) break;
      }
      await pause(Math.max(0, (options.pollMs ?? 5) - (Date.now() - started)));
    }
  };
  const watcher = watch();

  const inFlight = new Set<Promise<void>>();
  for (let issued = 0; Date.now() < measureUntil;) {
    const due = Math.floor(((Date.now() - began) / 1000) * rate);
    for (; issued < due; issued++) {
      let teller: Teller | undefined;
      for (let tries = 0; tries < tellers.length && !teller; tries++) {
        const candidate = tellers[cursor++ % tellers.length];
        if (!candidate.busy) teller = candidate;
      }
      if (!teller) {
        skipped += 1;
        continue;
      }
      const running: Promise<void> = command(teller).finally(() => inFlight.delete(running));
      inFlight.add(running);
    }
    await pause(2);
  }
  await Promise.all(inFlight);
  watching = false;
  await watcher;
  const sorted = lags.sort((a, b) => a - b);
  const appendSorted = appendMs.sort((a, b) => a - b);
  return {
    rate,
    achieved: Math.round(acked / seconds),
    commands: acked,
    medianMs: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted[sorted.length - 1] ?? NaN,
    neverVisible: waiting.filter((w) => w.measured).length,
    skipped,
    appendP99Ms: percentile(appendSorted, 99),
    nextStory,
  };
};
