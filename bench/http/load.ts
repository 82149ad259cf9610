import autocannon from 'autocannon';

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

/** One autocannon run; latencies are autocannon's (HdrHistogram, all answers). */
export const load = ({ url, connections, seconds, method = 'POST', headers = {}, body, overallRate, idempotencyKeys }: Load): Promise<LoadResult> =>
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
          ? [{ setupRequest: (request) => ({ ...request, headers: { ...request.headers, 'idempotency-key': `bench-${run}-${++keyCounter}` } }) }]
          : undefined,
      },
      (error, result) => {
        if (error) return reject(error);
        const statuses = Object.fromEntries(
          Object.entries((result as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {}).map(([code, stat]) => [code, stat.count]),
        );
        resolve({
          throughput: Math.round(result['2xx'] / result.duration),
          medianMs: result.latency.p50,
          p99Ms: result.latency.p99,
          requests: result.requests.total,
          statuses,
          errors: result.errors + result.timeouts,
        });
      },
    );
  });
