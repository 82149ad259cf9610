/**
 * Projection benchmark (never part of `npm test`; `npm run bench -- --only projections`, or
 * `node -r @swc-node/register bench/projections/run.ts`), on the real stack: the event store on a
 * throwaway PostgreSQL database, the relay and the projector as their own processes, real Kafka
 * (KAFKA_BROKERS, else deploy/local/kafka.sh under a lease). In one run:
 *  a. append-to-visible lag at 500 and 1,000 commands/s (appends through the event store);
 *  b. projector throughput, every read model from the start of the topics into an empty
 *     database, beside a no-op kafkajs consumer draining the same topics;
 *  c. rebuild throughput (`npm run projections:rebuild`, every read model) over 1,000,000 events,
 *     beside a raw `readAll` of the same log, with the rebuild's peak RSS.
 * Settings: BENCH_SECONDS (lag window per rate, default 15), PROJECTIONS_BENCH_BACKLOG (events
 * for b, default 200,000), PROJECTIONS_BENCH_EVENTS (log size for c, default 1,000,000).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { openPostgres } from '@multitrack/database';
import { openEventStore } from '@multitrack/event-store';
import { readModels } from '@multitrack/read-models';
import { topicForStream } from '@multitrack/messaging';
import { freePort } from '../support/free-port';
import { printMeasurement as print, round, type Measurement } from '../support/measurement';
import { buildPrivateDist, launchApp, repoRoot } from '../support/processes';
import { scratchDatabase } from '../support/scratch-database';
import { measureLag } from './lag';
import { readLog, runRebuildCli } from './rebuild';
import { drainWithNoOp, projectEverything } from './throughput';
import { eventsPerStory, seed } from './workload';

const lagSeconds = Number(process.env.BENCH_SECONDS ?? 15);
const backlogEvents = Number(process.env.PROJECTIONS_BENCH_BACKLOG ?? 200_000);
const logEvents = Number(process.env.PROJECTIONS_BENCH_EVENTS ?? 1_000_000);
/** Which of a, b, c to run (`lag,projector,rebuild`); e.g. only `lag` again when the machine is quieter. */
const parts = new Set((process.env.PROJECTIONS_BENCH_PARTS ?? 'lag,projector,rebuild').split(','));
const partitions = 6;
const logDir = path.join(repoRoot, '.state', 'bench-projections', 'logs');
const kafkaScript = path.join(repoRoot, 'deploy/local/kafka.sh');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Also kept in bench/results/projections-<date>.json, with the machine's load: it is shared.
const measurements: Measurement[] = [];
const printMeasurement = (measurement: Measurement) => {
  measurements.push({ ...measurement, loadAverage: round(loadavg()[0], 1) });
  print(measurement);
};

/** Runs of the same day are merged by measurement, so a run of one part keeps the others' figures. */
const saveResults = () => {
  const date = new Date().toISOString().slice(0, 10);
  const file = path.join(repoRoot, 'bench', 'results', `projections-${date}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  const earlier = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as { measurements: Measurement[] }).measurements
    : [];
  const fresh = new Set(measurements.map((m) => m.bench));
  const environment = {
    node: process.version,
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    lagSeconds,
    backlogEvents,
    logEvents,
  };
  const merged = [...earlier.filter((m) => !fresh.has(m.bench)), ...measurements];
  writeFileSync(file, `${JSON.stringify({ date, environment, measurements: merged }, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify({ written: path.relative(repoRoot, file) })}\n`);
};

const kafkaBrokers = (): { brokers: string[]; release(): void } => {
  if (process.env.KAFKA_BROKERS)
    return { brokers: process.env.KAFKA_BROKERS.split(','), release: () => undefined };
  // A lease is a live PID: the cluster stays up until this process releases it (or dies).
  const lease = String(process.pid);
  execFileSync('bash', [kafkaScript, 'start', '--lease', lease], { stdio: ['ignore', 'ignore', 'inherit'] });
  const brokers = execFileSync('bash', [kafkaScript, 'brokers'], { encoding: 'utf8' }).trim().split(',');
  return {
    brokers,
    release: () => execFileSync('bash', [kafkaScript, 'release', lease], { stdio: 'ignore' }),
  };
};

const main = async () => {
  const kafka = kafkaBrokers();
  const dist = buildPrivateDist('bench-projections');
  const live = await scratchDatabase('multitrack_bench_projections');
  const empty = await scratchDatabase('multitrack_bench_projections_empty');
  const db = await openPostgres({
    connectionString: live.url,
    maxConnections: 40,
    applicationName: 'bench-projections',
  });
  const store = await openEventStore({ kind: 'postgres', database: db });
  const prefix = `bench-${randomBytes(4).toString('hex')}.`;
  const env = {
    DATABASE_URL: live.url,
    EVENT_STORE: 'postgres',
    KAFKA_BROKERS: kafka.brokers.join(','),
    KAFKA_PARTITIONS: String(partitions),
    KAFKA_TOPIC_PREFIX: prefix,
    AUTH_JWT_SECRET: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'warn',
  };
  // A broker that has just started may answer "does not host this topic-partition" while it creates
  // the topics; the apps then exit, so they get a few tries.
  const app = async (name: 'relay' | 'projector') => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await launchApp({
          name,
          args: [path.join(dist, `apps/${name}/src/main.js`)],
          port: await freePort(),
          env,
          logDir,
        });
      } catch (error) {
        if (attempt === 3) throw error;
        await pause(2_000);
      }
    }
  };
  /** b. The projector beside a no-op consumer, over the backlog on the topics. */
  const measureProjector = async (total: number, newestOfTopic: Map<string, number>) => {
    const noOp = await drainWithNoOp(kafka.brokers, prefix, total);
    const ceiling = {
      bench: 'projections.kafka-no-op-consumer.ceiling',
      throughput: Math.round(noOp.messages / noOp.seconds),
    };
    printMeasurement({
      ...ceiling,
      unit: 'events/s',
      events: noOp.messages,
      seconds: round(noOp.seconds, 2),
      ratio: 1,
    });
    const newestOf = new Map(
      readModels.map((model) => [
        model.name,
        Math.max(-1, ...model.topics.map((topic) => newestOfTopic.get(topic) ?? -1)),
      ]),
    );
    const emptyDb = await openPostgres({
      connectionString: empty.url,
      maxConnections: 20,
      applicationName: 'bench-projections',
    });
    const projected = await projectEverything(kafka.brokers, prefix, emptyDb, newestOf, partitions).finally(
      () => emptyDb.close(),
    );
    const projectorRate = Math.round(total / projected.seconds);
    printMeasurement({
      bench: 'projections.projector.every-read-model',
      throughput: projectorRate,
      unit: 'events/s',
      events: total,
      seconds: round(projected.seconds, 2),
      readModels: readModels.length,
      ceiling,
      ratio: round(projectorRate / ceiling.throughput, 2),
      target: '≥ 10,000 events/s',
      met: projectorRate >= 10_000,
    });
  };

  const measureRebuild = async (total: number) => {
    // c. Rebuild over the whole log, grown to `logEvents` with batched appends.
    if (total < logEvents) await seed(store, story, Math.ceil((logEvents - total) / eventsPerStory));
    const before = await readLog(store);
    const rebuilt = await runRebuildCli(dist, live.url);
    const after = await readLog(store);
    const raw = {
      bench: 'projections.read-log.ceiling',
      throughput: Math.round((before.events + after.events) / (before.seconds + after.seconds)),
    };
    printMeasurement({
      ...raw,
      unit: 'events/s',
      events: before.events,
      seconds: round((before.seconds + after.seconds) / 2, 2),
      ratio: 1,
    });
    printMeasurement({
      bench: 'projections.rebuild.every-read-model',
      throughput: rebuilt.eventsPerSecond,
      unit: 'events/s',
      events: rebuilt.events,
      seconds: rebuilt.seconds,
      peakRssMb: rebuilt.peakRssMb,
      readModels: readModels.length,
      ceiling: raw,
      ratio: round(rebuilt.eventsPerSecond / raw.throughput, 2),
      target: '≥ 30,000 events/s (1M events in ≤ 35 s), peak RSS ≤ 512 MB',
      met: rebuilt.eventsPerSecond >= 30_000 && rebuilt.peakRssMb <= 512,
    });
  };

  let story = 1;
  try {
    // a. Lag, with the relay and the projector (every read model) running as deployed.
    const relay = await app('relay');
    const projector = await app('projector');
    // The pipeline is flowing (topics created, groups joined) before anything is measured.
    story = (await measureLag(store, db, { rate: 20, seconds: 2, warmUpSeconds: 0, firstStory: story }))
      .nextStory;
    for (const rate of parts.has('lag') ? [500, 1000] : []) {
      const lag = await measureLag(store, db, {
        rate,
        seconds: lagSeconds,
        warmUpSeconds: 3,
        firstStory: story,
      });
      story = lag.nextStory;
      const target =
        rate === 1000
          ? { target: 'p99 ≤ 250 ms at 1,000 commands/s', met: lag.p99Ms <= 250 && lag.neverVisible === 0 }
          : {};
      printMeasurement({
        bench: `projections.lag.${rate}-per-second`,
        throughput: lag.achieved,
        unit: 'commands/s',
        medianMs: lag.medianMs,
        p99Ms: lag.p99Ms,
        maxMs: lag.maxMs,
        commands: lag.commands,
        neverVisible: lag.neverVisible,
        skipped: lag.skipped,
        appendP99Ms: lag.appendP99Ms,
        seconds: lagSeconds,
        ...target,
      });
    }

    // b. A backlog on the topics: appended while the projector is away, published by the relay.
    await projector.stop();
    const stories = parts.has('projector') ? Math.ceil(backlogEvents / eventsPerStory) : 0;
    await seed(store, story, stories);
    story += stories;
    let total = 0;
    const newestOfTopic = new Map<string, number>();
    let newest = -1;
    for await (const event of store.readAll({ batchSize: 5_000 })) {
      total += 1;
      newest = event.position;
      newestOfTopic.set(topicForStream(event.streamId), event.position);
    }
    for (;;) {
      const { rows } = await db.query<{ position: number }>(
        'SELECT max(position) AS position FROM relay_checkpoints',
      );
      if (Number(rows[0]?.position ?? -1) >= newest) break;
      await pause(100);
    }
    await relay.stop();
    if (parts.has('projector')) await measureProjector(total, newestOfTopic);
    if (parts.has('rebuild')) await measureRebuild(total);
    saveResults();
  } finally {
    await store.close();
    await db.close();
    await live.drop();
    await empty.drop();
    kafka.release();
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
