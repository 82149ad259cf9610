// Audit benchmark (not part of npm test): node -r @swc-node/register bench/audit/run.ts [events]
// Appends `events` (default 200 000) to a throwaway PostgreSQL database, then measures, each in a
// fresh process so that its peak RSS is its own: a raw SQL read of the log (the floor), the
// store's readAll, the integrity check (every hash chain recomputed + the Merkle root, the same
// `verifyIntegrity` as GET /v1/audit/integrity), the same check canonicalising every payload
// instead of hashing the stored canonical text, and a full streamed replay (the NDJSON export).
// One JSON line per measurement.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createTestDatabase, Database, openPostgres } from '@multitrack/database';
import { EventStore, openEventStore } from '@multitrack/event-store';
import { emptyRoot, TransparencyLog } from '@multitrack/transparency-log';
import { logNdjson } from '../../apps/audit-api/src/exports/log-ndjson';
import { verifyIntegrity } from '../../apps/audit-api/src/integrity/verify-integrity';

const batchSize = 1000;
const metadata = {
  actor: { sub: 'bench', roles: ['officer'] },
  correlationId: 'bench',
  occurredAt: '2030-01-01T00:00:00.000Z',
  schemaVersion: 1,
};

/** Plain paged SELECTs of the same rows: no gap-free cursor, no envelope. */
const rawRead = async (db: Database) => {
  let after = 0;
  let count = 0;
  for (;;) {
    const { rows } = await db.query<{ global_position: number }>(
      'SELECT global_position, stream_id, stream_version, type, data, metadata, hash, prev_hash FROM events WHERE global_position > $1 ORDER BY global_position LIMIT $2',
      [after, batchSize],
    );
    count += rows.length;
    if (rows.length < batchSize) return count;
    after = rows[rows.length - 1].global_position;
  }
};

// The transparency log is left out (it is fed and measured elsewhere): an empty tree, so the
// check compares nothing against it and never searches for a divergence.
const noTree = { size: async () => 0, rootAt: async () => emptyRoot() } as unknown as TransparencyLog;

const measurements: Record<string, (store: EventStore, db: Database) => Promise<number>> = {
  'raw-read': (_, db) => rawRead(db),
  'read-all': async (store) => {
    let count = 0;
    for await (const _ of store.readAll({ asStored: true, batchSize })) count += 1;
    return count;
  },
  integrity: async (store, db) => {
    const report = await verifyIntegrity({ store, db, tree: noTree });
    if (!report.verified) throw new Error('broken chain in the benchmark log');
    return report.eventsChecked;
  },
  // The same check without the stored canonical text: every payload parsed and canonicalised, as
  // before decision 0130 (and as for events appended before it).
  'integrity-canonicalising': async (store, db) => {
    const report = await verifyIntegrity({ store: { ...store, readAllHashed: undefined }, db, tree: noTree });
    if (!report.verified) throw new Error('broken chain in the benchmark log');
    return report.eventsChecked;
  },
  replay: async (store, db) => {
    let count = 0;
    for await (const _ of logNdjson(store, db, {})) count += 1;
    return count;
  },
};

/**
 * CPU seconds used so far by this database's server backends (Linux /proc, local server): with the
 * process's own CPU time it says what a measurement costs whatever the load of the shared machine.
 */
const serverCpuSeconds = async (db: Database): Promise<Map<number, number>> => {
  const { rows } = await db.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE datname = current_database()',
  );
  return new Map(
    rows.map(({ pid }) => {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return [pid, (Number(fields[11]) + Number(fields[12])) / 100];
    }),
  );
};

const measure = async (name: string, url: string) => {
  const db = await openPostgres({ connectionString: url });
  const store = await openEventStore({ kind: 'postgres', database: db });
  const startRssMb = Math.round(process.memoryUsage().rss / 2 ** 20);
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const serverBefore = await serverCpuSeconds(db);
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  const events = await measurements[name](store, db);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  let serverSeconds = 0;
  for (const [pid, used] of await serverCpuSeconds(db)) serverSeconds += used - (serverBefore.get(pid) ?? 0);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const perEvent = (cpuSeconds: number) => +((cpuSeconds * 1e6) / events).toFixed(2);
  const nodeUs = perEvent((cpu.user + cpu.system) / 1e6);
  const serverUs = perEvent(serverSeconds);
  process.stdout.write(
    `${JSON.stringify({
      bench: `audit.${name}`,
      events,
      seconds: +seconds.toFixed(3),
      eventsPerSecond: Math.round(events / seconds),
      nodeCpuUsPerEvent: nodeUs,
      serverCpuUsPerEvent: serverUs,
      // Node and the server work at once (the next page is fetched while one is processed): with a
      // core each, the slower of the two sets the pace.
      eventsPerSecondAtOneCoreEach: Math.round(1e6 / Math.max(nodeUs, serverUs)),
      startRssMb,
      peakRssMb: Math.round(peak / 2 ** 20),
    })}\n`,
  );
  await store.close();
  await db.close();
};

const seedAndRun = async (total: number) => {
  const test = await createTestDatabase('postgres');
  try {
    const store = await openEventStore({ kind: 'postgres', database: test.db });
    for (let n = 0; n < total; n += 1000) {
      const events = Array.from({ length: 1000 }, (_, i) => ({
        type: 'FundsCommitted',
        data: {
          matchId: `m-${n}`,
          amount: { amount: `${n + i}.00`, currency: 'USD' },
          committedBy: 'officer-1',
        },
        metadata,
      }));
      await store.appendToStream(`match-m-${n}`, events, { expectedRevision: 'no_stream' });
    }
    await test.db.exec('VACUUM ANALYZE events');
    // Twice, interleaved: the machine is shared and its load drifts.
    for (let round = 0; round < 2; round++)
      for (const name of Object.keys(measurements))
        execFileSync(
          process.execPath,
          ['-r', '@swc-node/register', __filename, '--measure', name, test.url as string],
          { stdio: 'inherit' },
        );
  } finally {
    await test.drop();
  }
};

const [mode, name, url] = process.argv.slice(2);
const run = mode === '--measure' ? measure(name, url) : seedAndRun(Number(mode ?? 200_000));
run.catch((error) => {
  console.error(error);
  process.exit(1);
});
