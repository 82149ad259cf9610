/**
 * Audit work beside an officer (never part of `npm test`; `npm run bench -- --only audit-load`): on
 * the embedded default (`npm start`: one process, PGlite), with a log of about 2 000 events, an
 * officer's `GET /v1/requests` alone — the ceiling — and while ten auditors each ask for a
 * reconciliation at once (the audit API runs AUDIT_HEAVY_CONCURRENCY of them at a time, decision
 * 0172). One JSON line per measurement.
 * AUDIT_LOAD_REQUESTS (default 2000) sets the size of the log, AUDIT_LOAD_ALONE_S (default 10) the
 * length of the read alone.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { signDevelopmentToken } from '@multitrack/auth';
import { validRequest } from '../../test/coordination/support/scenario';
import { freePort } from '../support/free-port';
import { printMeasurement, round, type Measurement } from '../support/measurement';
import { buildPrivateDist, launchApp, repoRoot } from '../support/processes';

const requests = Number(process.env.AUDIT_LOAD_REQUESTS ?? 2000);
const aloneSeconds = Number(process.env.AUDIT_LOAD_ALONE_S ?? 10);
const reconciliations = 10;
/** The officer reads at a steady pace, a few in flight at most: a person's screen, not a flood. */
const readEveryMs = 50;
const maxInFlight = 4;
const logDir = path.join(repoRoot, '.state', 'bench-audit-load', 'logs');
const secret = randomBytes(32).toString('base64');
const token = (sub: string, role: 'officer' | 'auditor') =>
  signDevelopmentToken({ secret, sub, roles: [role], ttlSeconds: 3600 });

interface Reads {
  latencies: number[];
  statuses: Record<string, number>;
  seconds: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

/** The officer's list of requests, every `readEveryMs`, until `done` resolves. */
const officerReads = async (url: string, done: Promise<unknown>): Promise<Reads> => {
  const headers = { authorization: `Bearer ${await token('bench-officer', 'officer')}` };
  const reads: Reads = { latencies: [], statuses: {}, seconds: 0 };
  const began = performance.now();
  let finished = false;
  void done.finally(() => (finished = true));
  const inFlight = new Set<Promise<void>>();
  while (!finished) {
    if (inFlight.size < maxInFlight) {
      const sent = performance.now();
      const read: Promise<void> = fetch(`${url}/v1/requests?limit=20`, { headers })
        .then(async (answer) => {
          await answer.arrayBuffer();
          reads.latencies.push(performance.now() - sent);
          reads.statuses[answer.status] = (reads.statuses[answer.status] ?? 0) + 1;
        })
        .catch(() => void (reads.statuses.error = (reads.statuses.error ?? 0) + 1))
        .finally(() => inFlight.delete(read));
      inFlight.add(read);
    }
    await new Promise((resolve) => setTimeout(resolve, readEveryMs));
  }
  await Promise.all(inFlight);
  reads.seconds = (performance.now() - began) / 1000;
  return reads;
};

const summary = (reads: Reads) => {
  const sorted = [...reads.latencies].sort((a, b) => a - b);
  return {
    throughput: round(reads.latencies.length / reads.seconds),
    medianMs: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted[sorted.length - 1] ?? 0),
    reads: reads.latencies.length,
    statuses: reads.statuses,
  };
};

/** Publishes `requests` help requests, 20 at a time: one event each, and a row in the read model. */
const seed = async (url: string) => {
  const headers = {
    authorization: `Bearer ${await token('bench-seeder', 'officer')}`,
    'content-type': 'application/json',
  };
  const body = JSON.stringify(validRequest());
  let next = 0;
  const worker = async () => {
    while (next++ < requests) {
      const answer = await fetch(`${url}/v1/requests`, { method: 'POST', headers, body });
      if (answer.status !== 201)
        throw new Error(`seeding: POST /v1/requests answered ${answer.status}: ${await answer.text()}`);
    }
  };
  await Promise.all(Array.from({ length: 20 }, worker));
};

/** Until the process answers a liveness probe quickly three times running: the seed's projections are done. */
const settle = async (url: string) => {
  for (let quick = 0, deadline = Date.now() + 120_000; quick < 3 && Date.now() < deadline;) {
    const sent = performance.now();
    await fetch(`${url}/health/live`).then((answer) => answer.arrayBuffer());
    quick = performance.now() - sent < 20 ? quick + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

/** Ten auditors, one reconciliation each, all sent at once. */
const tenReconciliations = async (url: string) => {
  const began = performance.now();
  const answers = await Promise.all(
    Array.from({ length: reconciliations }, async (_, n) => {
      const answer = await fetch(`${url}/v1/audit/reconciliations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await token(`bench-auditor-${n}`, 'auditor')}` },
      });
      await answer.arrayBuffer();
      return { status: answer.status, seconds: (performance.now() - began) / 1000 };
    }),
  );
  const statuses: Record<string, number> = {};
  for (const { status } of answers) statuses[status] = (statuses[status] ?? 0) + 1;
  return { statuses, seconds: round(Math.max(...answers.map((a) => a.seconds)), 2) };
};

const main = async () => {
  const dist = buildPrivateDist('bench-audit-load');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-audit-load-'));
  const app = await launchApp({
    name: 'standalone',
    args: [path.join(dist, 'apps/standalone/src/main.js')],
    port: await freePort(),
    env: {
      AUTH_JWT_SECRET: secret,
      RATE_LIMIT_PER_MINUTE: '0',
      LOG_LEVEL: 'warn',
      PERSONAL_DATA_MASTER_KEY: randomBytes(32).toString('base64'),
      DATA_DIR: dataDir,
    },
    logDir,
  });
  try {
    await seed(app.url);
    await settle(app.url);
    // One reconciliation on its own: the warm-up, and the cost of one for the figures below.
    const began = performance.now();
    const one = await fetch(`${app.url}/v1/audit/reconciliations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await token('bench-auditor', 'auditor')}` },
    });
    if (one.status !== 200) throw new Error(`a reconciliation answered ${one.status}: ${await one.text()}`);
    await one.arrayBuffer();
    const reconciliationSeconds = round((performance.now() - began) / 1000, 2);
    await settle(app.url);

    const alone: Measurement = {
      bench: 'audit-load.officer-read.alone',
      unit: 'reads/s',
      ...summary(
        await officerReads(app.url, new Promise((resolve) => setTimeout(resolve, aloneSeconds * 1000))),
      ),
      events: requests,
    };
    printMeasurement(alone);
    await settle(app.url);

    const work = tenReconciliations(app.url);
    const during = summary(await officerReads(app.url, work));
    const ratio = round(during.p99Ms / Math.max(alone.p99Ms ?? 1, 1), 2);
    const { statuses, seconds } = await work;
    const served = Object.keys(statuses).every((status) => ['200', '429', '503'].includes(status));
    printMeasurement({
      bench: `audit-load.officer-read.during-${reconciliations}-reconciliations`,
      unit: 'reads/s',
      ...during,
      ceiling: { bench: alone.bench, throughput: alone.throughput },
      ratio: round(during.throughput / alone.throughput, 2),
      aloneMedianMs: alone.medianMs,
      aloneP99Ms: alone.p99Ms,
      p99VersusAlone: ratio,
      reconciliations: { statuses, seconds, oneAloneSeconds: reconciliationSeconds },
      events: requests,
      target: 'officer p99 ≤ 5 × its p99 alone and ≤ 250 ms; every reconciliation 200, 429 or 503',
      met: ratio <= 5 && during.p99Ms <= 250 && served,
    });
  } finally {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
