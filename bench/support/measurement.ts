/**
 * What a benchmark prints: one JSON line per measurement on stdout. `npm run bench` (bench/run.ts)
 * collects every line that parses as a JSON object; these fields are the ones its summary table
 * shows, and any other field is kept in bench/results/<date>.json as printed.
 */
export interface Measurement {
  /** e.g. `http.post-request.postgres`. */
  bench: string;
  /** Operations per second (commands, events, requests: say which in `unit`). */
  throughput: number;
  unit: string;
  medianMs?: number;
  p99Ms?: number;
  /** The ceiling measured in the same run, on the same machine: what this could at best reach. */
  ceiling?: { bench: string; throughput: number };
  /** throughput ÷ ceiling.throughput. */
  ratio?: number;
  /** The target in words, e.g. `≥ 3000/s, p99 ≤ 30 ms, ≥ 0.5 × ceiling`. */
  target?: string;
  met?: boolean;
  [detail: string]: unknown;
}

export const printMeasurement = (measurement: Measurement): void => {
  process.stdout.write(`${JSON.stringify(measurement)}\n`);
};

export const round = (value: number, digits = 1): number => Number(value.toFixed(digits));
