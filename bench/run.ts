/**
 * `npm run bench [-- --only NAME]`: runs every benchmark in bench/ (each folder with a run.ts), one
 * after the other in its own process so none inherits another's heap or event loop, collects the
 * JSON lines each prints (bench/support/measurement.ts), writes them to bench/results/<date>.json
 * and prints a summary table. Never part of `npm test`.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { summaryTable } from './support/summary';

const benchRoot = __dirname;
const root = path.resolve(benchRoot, '..');
/** The order matters only for reading the output: the request path first, then what it rests on. */
const preferredOrder = ['http', 'event-store', 'projections', 'audit', 'audit-load'];

const discover = (): string[] =>
  readdirSync(benchRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(benchRoot, entry.name, 'run.ts')))
    .map((entry) => entry.name)
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));

const rank = (name: string) =>
  preferredOrder.includes(name) ? preferredOrder.indexOf(name) : preferredOrder.length;

interface BenchmarkRun {
  exitCode: number | null;
  seconds: number;
  measurements: Record<string, unknown>[];
}

const runBenchmark = (name: string): Promise<BenchmarkRun> =>
  new Promise((resolve) => {
    const began = Date.now();
    const measurements: Record<string, unknown>[] = [];
    process.stdout.write(`\n=== bench/${name} ===\n`);
    const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join('bench', name, 'run.ts')], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      process.stdout.write(`${line}\n`);
      if (!line.startsWith('{')) return;
      try {
        const parsed = JSON.parse(line) as unknown;
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
          measurements.push(parsed as Record<string, unknown>);
      } catch {
        // A log line that only looks like JSON: shown above, not a measurement.
      }
    });
    child.on('close', (exitCode) =>
      resolve({ exitCode, seconds: (Date.now() - began) / 1000, measurements }),
    );
  });

const resultsFile = (date: string) => path.join(benchRoot, 'results', `${date}.json`);

/** Runs of the same day are merged, so `--only` refreshes one benchmark and keeps the others. */
const save = (date: string, runs: Record<string, BenchmarkRun>) => {
  const file = resultsFile(date);
  // A clean clone has no results yet (they are not committed).
  mkdirSync(path.dirname(file), { recursive: true });
  const previous = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as { benchmarks?: Record<string, BenchmarkRun> })
    : {};
  const environment = {
    node: process.version,
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    memoryGb: Math.round(totalmem() / 2 ** 30),
  };
  const benchmarks = { ...previous.benchmarks, ...runs };
  writeFileSync(
    file,
    `${JSON.stringify({ date, updatedAt: new Date().toISOString(), environment, benchmarks }, null, 2)}\n`,
  );
  return file;
};

const main = async () => {
  const args = process.argv.slice(2);
  const onlyAt = args.indexOf('--only');
  const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;
  const available = discover();
  if (onlyAt >= 0 && (!only || !available.includes(only))) {
    process.stderr.write(`--only needs one of: ${available.join(', ')}\n`);
    process.exit(2);
  }
  const chosen = only ? [only] : available;
  const runs: Record<string, BenchmarkRun> = {};
  for (const name of chosen) runs[name] = await runBenchmark(name);
  const file = save(new Date().toISOString().slice(0, 10), runs);
  process.stdout.write(`\n${summaryTable(runs)}\nresults: ${path.relative(root, file)}\n`);
  process.exitCode = Object.values(runs).some((run) => run.exitCode !== 0) ? 1 : 0;
};

void main();
