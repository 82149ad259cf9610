/**
 * Event store benchmark (never part of `npm test`):
 *   node -r @swc-node/register bench/event-store/run.ts
 * Each workload runs on the event store and, beside it on the same database in the same run, as
 * raw INSERTs/SELECTs. Prints one JSON line per measurement and writes them all to
 * bench/results/event-store-<date>.json. BENCH_SECONDS (default 6) sets each side's
 * measuring time per workload, split into interleaved slices. BENCH_ADAPTERS (postgres, pglite,
 * pglite-memory, eventstoredb) and BENCH_WORKLOADS (single-append, batch-append, read-all),
 * comma-separated, run only those; the append workloads fill the log that read-all reads.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, Database, openPglite } from '@multitrack/database';
import { EventStore, openEventStore } from '@multitrack/event-store';
import { eventStoreDbBaseline } from './esdb-baseline';
import { rawBaseline } from './sql-baseline';
import { forWriters, sampleEvent, timed } from './workloads';

const seconds = Number(process.env.BENCH_SECONDS ?? 6);
const chosen = (variable: string) => (name: string) =>
  !process.env[variable] || process.env[variable]!.split(',').includes(name);
const adapterChosen = chosen('BENCH_ADAPTERS');
const workloadChosen = chosen('BENCH_WORKLOADS');
const rounds = 6;

interface Target {
  eventsPerSecond: number;
  ratioToBaseline?: number;
}

/** The targets from issue 3; a measurement without one is reported for comparison only. */
const targets: Record<string, Target> = {
  'postgres/single-append/50': { eventsPerSecond: 8_000, ratioToBaseline: 0.6 },
  'postgres/batch-append/8': { eventsPerSecond: 40_000 },
  'postgres/read-all/1': { eventsPerSecond: 150_000 },
  'pglite/single-append/1': { eventsPerSecond: 5_000 },
  'pglite/single-append/50': { eventsPerSecond: 5_000 },
};

interface Baseline {
  insert(streamId: string, events: ReturnType<typeof sampleEvent>[]): Promise<number>;
  readAll(batchSize: number): Promise<number>;
}

const results: Record<string, unknown>[] = [];

const report = (
  adapter: string,
  workload: string,
  writers: number,
  batchSize: number,
  store: { events: number; seconds: number },
  baseline: { events: number; seconds: number },
) => {
  const eventsPerSecond = Math.round(store.events / store.seconds);
  const baselineEventsPerSecond = Math.round(baseline.events / baseline.seconds);
  const ratioToBaseline = Number((eventsPerSecond / baselineEventsPerSecond).toFixed(2));
  const target = targets[`${adapter}/${workload}/${writers}`];
  const met =
    target && eventsPerSecond >= target.eventsPerSecond && ratioToBaseline >= (target.ratioToBaseline ?? 0);
  const line = {
    adapter,
    workload,
    writers,
    batchSize,
    events: store.events,
    seconds: Number(store.seconds.toFixed(2)),
    eventsPerSecond,
    baselineEventsPerSecond,
    ratioToBaseline,
    target,
    met,
  };
  results.push(line);
  console.log(JSON.stringify(line));
};

type Measured = { events: number; seconds: number };
const add = (a: Measured, b: Measured): Measured => ({
  events: a.events + b.events,
  seconds: a.seconds + b.seconds,
});

/**
 * The machine is shared, so its load drifts: the store and its baseline take turns in short
 * slices, alternating which goes first, and each side's slices are summed.
 */
const interleaved = async (
  rounds: number,
  store: () => Promise<Measured>,
  baseline: () => Promise<Measured>,
) => {
  let storeTotal = { events: 0, seconds: 0 };
  let baselineTotal = { events: 0, seconds: 0 };
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) baselineTotal = add(baselineTotal, await baseline());
    storeTotal = add(storeTotal, await store());
    if (round % 2 === 1) baselineTotal = add(baselineTotal, await baseline());
  }
  return { store: storeTotal, baseline: baselineTotal };
};

const appendWorkload = async (
  adapter: string,
  store: EventStore,
  baseline: Baseline,
  writers: number,
  batchSize: number,
) => {
  const run = `${adapter}-${writers}-${batchSize}-${Date.now()}`;
  const batch = (n: number) => Array.from({ length: batchSize }, (_, i) => sampleEvent(n + i));
  const revisions = new Map<number, number>();
  const slice = seconds / rounds;
  const measured = await interleaved(
    rounds,
    () =>
      forWriters(writers, slice, async (writer) => {
        const current = revisions.get(writer);
        const { nextRevision } = await store.appendToStream(`bench-${run}-${writer}`, batch(0), {
          expectedRevision: current ?? 'no_stream',
        });
        revisions.set(writer, nextRevision);
        return batchSize;
      }),
    () => forWriters(writers, slice, (writer) => baseline.insert(`raw-${run}-${writer}`, batch(0))),
  );
  report(
    adapter,
    batchSize === 1 ? 'single-append' : 'batch-append',
    writers,
    batchSize,
    measured.store,
    measured.baseline,
  );
};

const readAllWorkload = async (adapter: string, store: EventStore, baseline: Baseline) => {
  const measured = await interleaved(
    rounds,
    () =>
      timed(async () => {
        let read = 0;
        for await (const _ of store.readAll({ batchSize: 1000 })) read++;
        return read;
      }),
    () => timed(() => baseline.readAll(1000)),
  );
  report(adapter, 'read-all', 1, 1000, measured.store, measured.baseline);
};

const benchmark = async (adapter: string, store: EventStore, baseline: Baseline) => {
  if (workloadChosen('single-append')) {
    await appendWorkload(adapter, store, baseline, 1, 1);
    await appendWorkload(adapter, store, baseline, 50, 1);
  }
  // Run alone, read-all still needs a log to read: the batch appends write it.
  if (workloadChosen('batch-append') || workloadChosen('read-all'))
    await appendWorkload(adapter, store, baseline, 8, 100);
  if (workloadChosen('read-all')) await readAllWorkload(adapter, store, baseline);
};

const onSql = async (adapter: 'postgres' | 'pglite' | 'pglite-memory', db: Database) => {
  if (!adapterChosen(adapter)) return;
  const store = await openEventStore({ kind: db.kind, database: db });
  await benchmark(adapter, store, await rawBaseline(db));
  await store.close();
};

const main = async () => {
  const server = await createTestDatabase('postgres');
  try {
    await onSql('postgres', server.db);
  } finally {
    await server.drop();
  }
  // PGlite on disk, as the standalone process runs it.
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-pglite-'));
  const embedded = await openPglite(dataDir);
  try {
    await onSql('pglite', embedded);
  } finally {
    await embedded.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  // And in memory, to show how much of PGlite's cost is the file system.
  const inMemory = await openPglite();
  try {
    await onSql('pglite-memory', inMemory);
  } finally {
    await inMemory.close();
  }
  const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;
  if (connectionString && adapterChosen('eventstoredb')) {
    const store = await openEventStore({ kind: 'eventstoredb', connectionString });
    const baseline = await eventStoreDbBaseline(connectionString);
    await benchmark('eventstoredb', store, baseline);
    await Promise.all([store.close(), baseline.close()]);
  } else {
    console.log(
      JSON.stringify({ adapter: 'eventstoredb', skipped: 'EVENTSTORE_CONNECTION_STRING is not set' }),
    );
  }
  const date = new Date().toISOString().slice(0, 10);
  const file = join(__dirname, '..', 'results', `event-store-${date}.json`);
  mkdirSync(join(__dirname, '..', 'results'), { recursive: true });
  const environment = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, seconds };
  writeFileSync(file, `${JSON.stringify({ date, environment, results }, null, 2)}\n`);
  console.log(JSON.stringify({ written: file }));
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
