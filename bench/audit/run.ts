// Audit benchmark (not part of npm test): node -r @swc-node/register bench/audit/run.ts [events]
// Prints one JSON line per measurement: a raw read of the log, the integrity check (hash chains +
// Merkle root) and a full streamed replay (NDJSON export of every event), with peak RSS.
import { createTestDatabase } from '@multitrack/database';
import { openEventStore } from '@multitrack/event-store';
import { ChainChecker } from '../../apps/audit-api/src/integrity/chain-checker';
import { RunningRoot } from '../../apps/audit-api/src/integrity/running-root';
import { logNdjson } from '../../apps/audit-api/src/exports/log-ndjson';

const total = Number(process.argv[2] ?? 200_000);
const metadata = { actor: { sub: 'bench', roles: ['officer'] }, correlationId: 'bench', occurredAt: '2030-01-01T00:00:00.000Z', schemaVersion: 1 };

const measure = async (name: string, run: () => Promise<number>) => {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = process.hrtime.bigint();
  const events = await run();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  process.stdout.write(`${JSON.stringify({ bench: `audit.${name}`, events, seconds: +seconds.toFixed(3), eventsPerSecond: Math.round(events / seconds), peakRssMb: Math.round(peak / 2 ** 20) })}\n`);
};

const main = async () => {
  const test = await createTestDatabase('postgres');
  const store = await openEventStore({ kind: 'postgres', database: test.db });
  try {
    for (let n = 0; n < total; n += 1000) {
      const events = Array.from({ length: 1000 }, (_, i) => ({ type: 'FundsCommitted', data: { matchId: `m-${n}`, amount: { amount: `${n + i}.00`, currency: 'USD' }, committedBy: 'officer-1' }, metadata }));
      await store.appendToStream(`match-m-${n}`, events, { expectedRevision: 'no_stream' });
    }
    await measure('raw-read', async () => {
      let count = 0;
      for await (const _ of store.readAll({ asStored: true, batchSize: 5000 })) count += 1;
      return count;
    });
    await measure('integrity', async () => {
      const checker = new ChainChecker();
      const root = new RunningRoot();
      for await (const event of store.readAll({ asStored: true, batchSize: 5000 })) {
        checker.check(event);
        root.add(event.hash);
      }
      if (checker.firstBroken) throw new Error('broken chain in the benchmark log');
      return checker.checked;
    });
    await measure('replay', async () => {
      let count = 0;
      for await (const _ of logNdjson(store, test.db, {})) count += 1;
      return count;
    });
  } finally {
    await store.close();
    await test.drop();
  }
};

void main();
