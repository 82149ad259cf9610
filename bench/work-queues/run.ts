// Work-queue benchmark (not part of npm test): node -r @swc-node/register bench/work-queues/run.ts [matches]
// Fills the offers and matches read models of a throwaway PostgreSQL database with the rows about a
// million events leave behind (default 60 000 matches with 4 tranches each, 1 % waiting for
// approval, and 200 000 offers from 1 000 organisations: ≈ 1 000 000 events), then times the first
// page of each work queue (GET /v1/matches, /v1/offers, /v1/approvals) under its filters with the
// read models' own queries and indexes. One JSON line per query, beside a ceiling measured in the same
// run: fifty matches fetched by primary key (one round trip and the same rows, no filter or sort).
import { createTestDatabase, type Database } from '@multitrack/database';
import {
  installReadModel,
  listMatches,
  listOffers,
  listPendingApprovals,
  matchesReadModel,
  offersReadModel,
} from '@multitrack/read-models';
import { printMeasurement, round } from '../support/measurement';

const matches = Number(process.argv[2] ?? 60_000);
const offers = Math.round((matches * 10) / 3);
const organizations = 1_000;
const runs = 200;

const fill = async (db: Database) => {
  const m = matchesReadModel.schema;
  const o = offersReadModel.schema;
  await db.exec(`
    INSERT INTO ${m}.matches (id, request_id, offer_id, organization_id, currency, status, committed_minor,
      revision, made_position, made_at, updated_at)
    SELECT 'm' || i, 'r' || i, 'o' || i, 'ORG-' || (i % ${organizations}), 'USD',
      CASE WHEN i % 10 = 0 THEN 'completed' WHEN i % 50 = 1 THEN 'cancelled' ELSE 'active' END,
      10000000, 9, i * 16, now(), now()
    FROM generate_series(1, ${matches}) i;
    INSERT INTO ${m}.disbursements (id, match_id, amount_minor, currency, reference, status, requested_by,
      requested_position, requested_at)
    SELECT 'd' || i || '-' || k, 'm' || i, 100000, 'USD', 'PAY', 
      CASE WHEN k = 4 AND i % 25 = 0 THEN 'pending_approval' ELSE 'disbursed' END,
      'officer-' || (i % 7), i * 16 + k, now()
    FROM generate_series(1, ${matches}) i, generate_series(1, 4) k;
    INSERT INTO ${o}.offers (id, request_id, organization_id, summary, amount_minor, currency, start_date, end_date,
      status, match_id, revision, submitted_position, submitted_at, updated_at)
    SELECT 'o' || i, 'r' || (i % ${matches}), 'ORG-' || (i % ${organizations}), 'We help', 100000, 'USD',
      '2030-01-01', '2030-02-01',
      CASE WHEN i % 20 = 0 THEN 'submitted' WHEN i % 3 = 0 THEN 'accepted' ELSE 'declined' END,
      NULL, 1, i * 3, now(), now()
    FROM generate_series(1, ${offers}) i;
    ANALYZE ${m}.matches; ANALYZE ${m}.disbursements; ANALYZE ${o}.offers;`);
};

const queries: Record<string, (db: Database) => Promise<unknown>> = {
  'matches.all': (db) => listMatches(db, {}),
  'matches.by-organization': (db) => listMatches(db, { visibleOrganizationId: 'ORG-17' }),
  'matches.by-request': (db) => listMatches(db, { requestId: 'r4242' }),
  'matches.completed': (db) => listMatches(db, { status: 'completed' }),
  'offers.submitted': (db) => listOffers(db, { status: 'submitted' }),
  'offers.by-organization': (db) => listOffers(db, { visibleOrganizationId: 'ORG-17', status: 'submitted' }),
  approvals: (db) => listPendingApprovals(db, 'officer-3'),
};

const time = async (work: () => Promise<unknown>) => {
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) {
    const began = process.hrtime.bigint();
    await work();
    durations.push(Number(process.hrtime.bigint() - began) / 1e6);
  }
  durations.sort((a, b) => a - b);
  return { median: durations[Math.floor(runs / 2)], p99: durations[Math.floor(runs * 0.99)] };
};

const main = async () => {
  const { db, drop } = await createTestDatabase('postgres');
  try {
    await installReadModel(db, offersReadModel);
    await installReadModel(db, matchesReadModel);
    const filling = Date.now();
    await fill(db);
    process.stderr.write(
      `filled ${matches} matches, ${matches * 4} tranches, ${offers} offers in ${(Date.now() - filling) / 1000}s\n`,
    );
    const byKey = Array.from({ length: 50 }, (_, i) => `m${i * 997 + 1}`);
    const fetchByKey = () =>
      db.query(`SELECT * FROM ${matchesReadModel.schema}.matches WHERE id = ANY($1)`, [byKey]);
    await fetchByKey();
    const reference = await time(fetchByKey);
    const ceiling = { bench: 'work-queues.ceiling.postgres', throughput: round(1000 / reference.median) };
    printMeasurement({
      ...ceiling,
      unit: 'pages/s (50 matches by primary key, one caller)',
      medianMs: round(reference.median, 2),
      p99Ms: round(reference.p99, 2),
    });
    for (const [name, query] of Object.entries(queries)) {
      await query(db); // warm
      const { median, p99 } = await time(() => query(db));
      printMeasurement({
        bench: `work-queues.${name}.postgres`,
        throughput: round(1000 / median),
        unit: 'pages/s (50 items, one caller)',
        medianMs: round(median, 2),
        p99Ms: round(p99, 2),
        ceiling,
        ratio: round(reference.median / median, 2),
        target: 'p99 ≤ 50 ms at ≈ 1 000 000 events',
        met: p99 <= 50,
        matches,
        offers,
      });
    }
  } finally {
    await drop();
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
