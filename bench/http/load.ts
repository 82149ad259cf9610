import { spawn } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import { repoRoot } from '../support/processes';

export interface Load {
  url: string;
  connections: number;
  seconds: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Requests per second over all connections; unset: as fast as the server answers. */
  overallRate?: number;
  /** A fresh Idempotency-Key on every request. */
  idempotencyKeys?: boolean;
}

export interface LoadResult {
  /** 2xx answers per second. */
  throughput: number;
  medianMs: number;
  p99Ms: number;
  requests: number;
  statuses: Record<string, number>;
  errors: number;
}

let keyCounter = 0;

/** What the library and the CLI's `--json` report alike: 2xx per second and answers by status. */
interface AutocannonSummary {
  '2xx': number;
  duration: number;
  requests: { total: number };
  statusCodeStats?: Record<string, { count: number }>;
}

const summarise = (result: AutocannonSummary) => ({
  throughput: Math.round(result['2xx'] / result.duration),
  requests: result.requests.total,
  statuses: Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, stat.count]),
  ),
});

/** One autocannon run; latencies are autocannon's (HdrHistogram, all answers). */
export const load = ({
  url,
  connections,
  seconds,
  method = 'POST',
  headers = {},
  body,
  overallRate,
  idempotencyKeys,
}: Load): Promise<LoadResult> =>
  new Promise((resolve, reject) => {
    const run = `${process.pid}-${Date.now()}`;
    autocannon(
      {
        url,
        connections,
        duration: seconds,
        method,
        headers,
        body,
        overallRate,
        requests: idempotencyKeys
          ? [
              {
                setupRequest: (request) => ({
                  ...request,
                  headers: { ...request.headers, 'idempotency-key': `bench-${run}-${++keyCounter}` },
                }),
              },
            ]
          : undefined,
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          ...summarise(result as unknown as AutocannonSummary),
          medianMs: result.latency.p50,
          p99Ms: result.latency.p99,
          errors: result.errors + result.timeouts,
        });
      },
    );
  });

/**
 * The same load from a separate process (the autocannon CLI): a flood driven from the benchmark's
 * own process would starve the measured client's event loop and show up as its latency.
 */
export const loadFromChildProcess = ({
  url,
  connections,
  seconds,
  method = 'POST',
  headers = {},
  body,
}: Omit<Load, 'overallRate' | 'idempotencyKeys'>): Promise<
  Pick<LoadResult, 'throughput' | 'requests' | 'statuses'>
> =>
  new Promise((resolve, reject) => {
    const args = [
      '-c',
      String(connections),
      '-d',
      String(seconds),
      '-m',
      method,
      '-j',
      ...Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}=${value}`]),
      ...(body ? ['-b', body] : []),
      url,
    ];
    const child = spawn(path.join(repoRoot, 'node_modules/.bin/autocannon'), args, {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}`));
      resolve(summarise(JSON.parse(output) as AutocannonSummary));
    });
  });
