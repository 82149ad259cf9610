/**
 * HTTP benchmark (never part of `npm test`; `npm run bench -- --only http`): command throughput of
 * `POST /v1/requests` (JWT, validation, decide, one append) with 50 connections, on the
 * coordination-api over PostgreSQL and on the embedded default (standalone over PGlite), beside
 * references measured in the same run: bare Nest + ValidationPipe on Fastify and on Express, and
 * the platform's validate-only route (the same DTO, JWT, access log, metrics and a counting rate
 * limiter; no decide, no append). Then the rate limiter's fairness: one principal flooding while
 * another keeps a steady rate. BENCH_SECONDS (default 10) sets each run's length.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { signDevelopmentToken } from '@multitrack/auth';
import { freePort } from '../support/free-port';
import { printMeasurement, round, type Measurement } from '../support/measurement';
import { buildPrivateDist, launchApp, repoRoot, type RunningApp } from '../support/processes';
import { scratchDatabase } from '../support/scratch-database';
import { validRequest } from '../../test/coordination/support/scenario';
import { load, loadFromChildProcess, type Load, type LoadResult } from './load';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const warmUpSeconds = Math.min(3, seconds);
const connections = 50;
const logDir = path.join(repoRoot, '.state', 'bench-http', 'logs');
const secret = randomBytes(32).toString('base64');
const platformEnv = {
  AUTH_JWT_SECRET: secret,
  RATE_LIMIT_PER_MINUTE: '0',
  // As deployed: every request is access-logged (to a file here).
  LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
  PERSONAL_DATA_MASTER_KEY: randomBytes(32).toString('base64'),
};
const body = JSON.stringify(validRequest());

const bearer = async (sub: string) => ({
  authorization: `Bearer ${await signDevelopmentToken({ secret, sub, roles: ['officer'], ttlSeconds: 3600 })}`,
  'content-type': 'application/json',
});

/**
 * Until the server answers a liveness probe quickly three times in a row: the work the warm-up
 * left queued (the embedded default projects in the same process) would otherwise be measured
 * as the next run's latency.
 */
const settle = async (app: RunningApp) => {
  const deadline = Date.now() + 60_000;
  for (let quick = 0; quick < 3 && Date.now() < deadline;) {
    const sent = performance.now();
    await fetch(`${app.url}/health/live`).then((answer) => answer.arrayBuffer());
    quick = performance.now() - sent < 20 ? quick + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

const measured = async (app: RunningApp, options: Omit<Load, 'url' | 'seconds'>): Promise<LoadResult> => {
  const url = `${app.url}/v1/requests`;
  await load({ ...options, url, seconds: warmUpSeconds });
  await settle(app);
  return load({ ...options, url, seconds });
};

const withApp = async <T>(
  launch: () => Promise<RunningApp>,
  work: (app: RunningApp) => Promise<T>,
): Promise<T> => {
  const app = await launch();
  try {
    return await work(app);
  } finally {
    await app.stop();
  }
};

const measurement = (bench: string, result: LoadResult, extra: Partial<Measurement> = {}): Measurement => ({
  bench,
  throughput: result.throughput,
  unit: 'commands/s',
  medianMs: result.medianMs,
  p99Ms: result.p99Ms,
  connections,
  seconds,
  statuses: result.statuses,
  errors: result.errors,
  ...extra,
});

const main = async () => {
  const dist = buildPrivateDist('bench-http');
  const officer = await bearer('bench-officer');
  const coordinationApi = async (databaseUrl: string, env: Record<string, string> = {}) =>
    launchApp({
      name: 'coordination-api',
      args: [path.join(dist, 'apps/coordination-api/src/main.js')],
      port: await freePort(),
      env: { ...platformEnv, DATABASE_URL: databaseUrl, EVENT_STORE: 'postgres', ...env },
      logDir,
    });

  // References: bare Nest + ValidationPipe on each adapter, same DTO, nothing else (decision 0230).
  const bare = async (adapter: 'fastify' | 'express') => {
    const result = await withApp(
      async () =>
        launchApp({
          name: `bare-nest-${adapter}`,
          args: ['-r', '@swc-node/register', 'bench/http/bare/main.ts'],
          port: await freePort(),
          env: { ADAPTER: adapter },
          logDir,
        }),
      (app) => measured(app, { connections, headers: { 'content-type': 'application/json' }, body }),
    );
    return { bench: `http.bare-nest-${adapter}.reference`, result };
  };
  const bareFastify = await bare('fastify');
  const bareExpress = await bare('express');
  const reference = { bench: bareFastify.bench, throughput: bareFastify.result.throughput };
  printMeasurement(measurement(bareFastify.bench, bareFastify.result, { ratio: 1 }));
  printMeasurement(
    measurement(bareExpress.bench, bareExpress.result, {
      ceiling: reference,
      ratio: round(bareExpress.result.throughput / reference.throughput, 2),
    }),
  );
  const versusReference = (result: LoadResult) => ({
    ceiling: reference,
    ratio: round(result.throughput / reference.throughput, 2),
  });

  // The platform's own cost: same DTO, JWT, access log, metrics, rate limit counting; no decide, no append.
  const ceilingResult = await withApp(
    async () =>
      launchApp({
        name: 'ceiling',
        args: ['-r', '@swc-node/register', 'bench/http/ceiling/main.ts'],
        port: await freePort(),
        env: { ...platformEnv, RATE_LIMIT_PER_MINUTE: String(1e9) },
        logDir,
      }),
    (app) => measured(app, { connections, headers: officer, body }),
  );
  const ceilingRatio = versusReference(ceilingResult).ratio;
  printMeasurement(
    measurement('http.validate-only.platform', ceilingResult, {
      ...versusReference(ceilingResult),
      target: '≥ 0.6 × bare Nest on Fastify',
      met: ceilingRatio >= 0.6,
    }),
  );

  const database = await scratchDatabase('multitrack_bench_http');
  try {
    await withApp(
      () => coordinationApi(database.url),
      async (app) => {
        const result = await measured(app, { connections, headers: officer, body });
        const { ratio } = versusReference(result);
        printMeasurement(
          measurement('http.post-request.postgres', result, {
            ...versusReference(result),
            target: '≥ 3000/s, p99 ≤ 30 ms, ≥ 0.5 × bare Nest on Fastify',
            met: result.throughput >= 3000 && result.p99Ms <= 30 && ratio >= 0.5,
          }),
        );
        const keyed = await measured(app, { connections, headers: officer, body, idempotencyKeys: true });
        const keyedRatio = round(keyed.throughput / Math.max(1, result.throughput), 2);
        printMeasurement(
          measurement('http.post-request.postgres.idempotency-key', keyed, {
            ceiling: { bench: 'http.post-request.postgres', throughput: result.throughput },
            ratio: keyedRatio,
            target: '≥ 0.8 × without the key',
            met: keyedRatio >= 0.8,
          }),
        );
      },
    );

    // Fairness: a principal over its limit gets 429s; another, within its limit, is still served.
    // The flooder runs in its own process so that it cannot slow the measured client down.
    await withApp(
      () => coordinationApi(database.url, { RATE_LIMIT_PER_MINUTE: '1200' }),
      async (app) => {
        const victim = { connections: 10, headers: await bearer('bench-steady'), body, overallRate: 15 };
        const url = `${app.url}/v1/requests`;
        await load({ ...victim, url, seconds: warmUpSeconds });
        const alone = await load({ ...victim, url, seconds });
        const [flood, underFlood] = await Promise.all([
          loadFromChildProcess({
            url,
            seconds,
            connections: 40,
            headers: await bearer('bench-flooder'),
            body,
          }),
          load({ ...victim, url, seconds }),
        ]);
        const ratio = round(underFlood.p99Ms / Math.max(alone.p99Ms, 1), 2);
        printMeasurement({
          ...measurement('http.rate-limit.steady-principal-under-flood', underFlood),
          aloneMedianMs: alone.medianMs,
          aloneP99Ms: alone.p99Ms,
          p99VersusAlone: ratio,
          flooderStatuses: flood.statuses,
          target: 'steady principal all 2xx, p99 ≤ 2 × its p99 alone; flooder gets 429',
          met:
            ratio <= 2 &&
            (flood.statuses['429'] ?? 0) > 0 &&
            Object.keys(underFlood.statuses).every((code) => code.startsWith('2')),
        });
      },
    );
  } finally {
    await database.drop();
  }

  // The embedded default: everything in one process on PGlite (data on disk, as `npm start`), its
  // database in a worker thread; beside it in the same run, the same app with PGlite in the
  // application thread (EMBEDDED_DATABASE_THREAD=main), which is what the worker has to beat.
  const embedded = async (thread: 'worker' | 'main'): Promise<LoadResult> => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-http-pglite-'));
    try {
      return await withApp(
        async () =>
          launchApp({
            name: `standalone-${thread}`,
            args: [path.join(dist, 'apps/standalone/src/main.js')],
            port: await freePort(),
            env: { ...platformEnv, DATA_DIR: dataDir, EMBEDDED_DATABASE_THREAD: thread },
            logDir,
          }),
        (app) => measured(app, { connections, headers: officer, body }),
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
  const inMainThread = await embedded('main');
  printMeasurement(
    measurement('http.post-request.embedded-main-thread', inMainThread, versusReference(inMainThread)),
  );
  const inWorker = await embedded('worker');
  printMeasurement(
    measurement('http.post-request.embedded', inWorker, {
      ...versusReference(inWorker),
      versusMainThread: round(inWorker.throughput / inMainThread.throughput, 2),
      target: '≥ 1000/s, p99 ≤ 100 ms',
      met: inWorker.throughput >= 1000 && inWorker.p99Ms <= 100,
    }),
  );
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
