/**
 * `npm run profile -- <scenario> [seconds]`: one app under the HTTP benchmark's load with
 * `node --cpu-prof`, and the profile reduced to CPU by package (bench/profile/cpu-by-package.ts).
 * Prints a Markdown table for docs/performance.md and one JSON line; keeps the raw profile in
 * .state/profile/ (open it in Chrome DevTools or speedscope). Never part of `npm test`.
 *
 * Scenarios: validate-only (the platform's ceiling route), post-request (coordination-api over
 * PostgreSQL), post-request-idempotent (the same with an Idempotency-Key), embedded (the
 * standalone over PGlite, as `npm start`: one table per thread, PGlite's worker included),
 * embedded-main-thread (the same with EMBEDDED_DATABASE_THREAD=main), bare (bare Nest +
 * ValidationPipe).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { signDevelopmentToken } from '@multitrack/auth';
import { validRequest } from '../../test/coordination/support/scenario';
import { load } from '../http/load';
import { freePort } from '../support/free-port';
import { buildPrivateDist, launchApp, repoRoot, type RunningApp } from '../support/processes';
import { scratchDatabase } from '../support/scratch-database';
import { cpuByPackage, type CpuProfile } from './cpu-by-package';

const [scenario = 'post-request', secondsArgument] = process.argv.slice(2);
const seconds = Number(secondsArgument ?? process.env.PROFILE_SECONDS ?? 15);
const connections = 50;
const secret = randomBytes(32).toString('base64');
const platformEnv = {
  AUTH_JWT_SECRET: secret,
  // As deployed, the rate limiter counts (a limit no bench reaches, so nothing is refused).
  RATE_LIMIT_PER_MINUTE: String(1e9),
  LOG_LEVEL: 'info',
  PERSONAL_DATA_MASTER_KEY: randomBytes(32).toString('base64'),
};

interface Scenario {
  app: (dist: string) => { name: string; script: string[] };
  authenticated: boolean;
  idempotencyKeys?: boolean;
  postgres?: boolean;
  embedded?: boolean;
  env?: Record<string, string>;
}

/** A bench-only app, run from its source. */
const benchApp = (name: string, file: string) => () => ({
  name,
  script: ['-r', '@swc-node/register', file],
});

/** One of the product's apps, as built into the private dist. */
const builtApp = (app: string) => (dist: string) => ({
  name: app,
  script: [path.join(dist, `apps/${app}/src/main.js`)],
});

const scenarios: Record<string, Scenario> = {
  'validate-only': { app: benchApp('ceiling', 'bench/http/ceiling/main.ts'), authenticated: true },
  bare: { app: benchApp('bare', 'bench/http/bare/main.ts'), authenticated: false },
  'post-request': { app: builtApp('coordination-api'), authenticated: true, postgres: true },
  'post-request-idempotent': {
    app: builtApp('coordination-api'),
    authenticated: true,
    postgres: true,
    idempotencyKeys: true,
  },
  embedded: { app: builtApp('standalone'), authenticated: true, embedded: true },
  'embedded-main-thread': {
    app: builtApp('standalone'),
    authenticated: true,
    embedded: true,
    env: { EMBEDDED_DATABASE_THREAD: 'main' },
  },
};

/** `CPU.<date>.<time>.<pid>.<thread id>.<n>.cpuprofile`: one per thread (PGlite's worker has its own). */
const threadOf = (file: string) => Number(file.split('.')[4] ?? 0);

const main = async () => {
  const chosen = scenarios[scenario];
  if (!chosen) throw new Error(`unknown scenario ${scenario}; one of: ${Object.keys(scenarios).join(', ')}`);
  const out = path.join(repoRoot, '.state', 'profile', scenario);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const dist = buildPrivateDist('profile');
  const database = chosen.postgres ? await scratchDatabase('multitrack_profile') : undefined;
  const dataDir = chosen.embedded ? mkdtempSync(path.join(tmpdir(), 'profile-pglite-')) : undefined;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (chosen.authenticated)
    headers.authorization = `Bearer ${await signDevelopmentToken({ secret, sub: 'profile-officer', roles: ['officer'], ttlSeconds: 3600 })}`;
  const { name, script } = chosen.app(dist);
  const launched = performance.now();
  let app: RunningApp | undefined;
  try {
    app = await launchApp({
      name,
      args: ['--cpu-prof', `--cpu-prof-dir=${out}`, ...script],
      port: await freePort(),
      env: {
        ...platformEnv,
        ...(database ? { DATABASE_URL: database.url, EVENT_STORE: 'postgres' } : {}),
        ...(dataDir ? { DATA_DIR: dataDir } : {}),
        ...chosen.env,
      },
      logDir: out,
    });
    const url = `${app.url}/v1/requests`;
    const body = JSON.stringify(validRequest());
    await load({ url, connections, seconds: 3, headers, body, idempotencyKeys: chosen.idempotencyKeys });
    const fromMs = performance.now() - launched;
    const result = await load({
      url,
      connections,
      seconds,
      headers,
      body,
      idempotencyKeys: chosen.idempotencyKeys,
    });
    const toMs = performance.now() - launched;
    await app.stop();
    const files = readdirSync(out)
      .filter((entry) => entry.endsWith('.cpuprofile'))
      .sort((a, b) => threadOf(a) - threadOf(b));
    if (files.length === 0)
      throw new Error(`${name} wrote no profile into ${out} (did it exit cleanly? log: ${app.logFile})`);
    process.stdout.write(
      `\n${scenario}: ${result.throughput}/s (2xx), p99 ${result.p99Ms} ms, ${connections} connections, ${seconds} s\n`,
    );
    for (const file of files) {
      const thread = threadOf(file) === 0 ? 'main thread' : `worker thread ${threadOf(file)}`;
      const profile = JSON.parse(readFileSync(path.join(out, file), 'utf8')) as CpuProfile;
      const { busyMs, idleMs, shares } = cpuByPackage(profile, repoRoot, { fromMs, toMs });
      const perRequestMs = busyMs / Math.max(1, result.requests);
      process.stdout.write(
        [
          `\n${thread}: busy ${busyMs} ms, idle ${idleMs} ms, ${(perRequestMs * 1000).toFixed(0)} µs of CPU per request`,
          '| where | CPU ms | share |',
          '|---|---:|---:|',
          ...shares
            .filter((share) => share.percent >= 0.5)
            .map((share) => `| ${share.name} | ${share.ms} | ${share.percent} % |`),
          `\nraw profile: ${path.join(out, file)}\n`,
        ].join('\n'),
      );
      process.stdout.write(
        `${JSON.stringify({ profile: scenario, thread, throughput: result.throughput, p99Ms: result.p99Ms, busyMs, idleMs, cpuPerRequestUs: Math.round(perRequestMs * 1000), shares })}\n`,
      );
    }
  } finally {
    await app?.stop();
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
