/**
 * The summary table of `npm run bench`. Benchmarks print their own field names; the few known
 * spellings of the same quantity (event-store's `eventsPerSecond` and `ratioToBaseline`, …) are
 * read here so that every row shows throughput, median, p99 and the ratio to its ceiling.
 */
interface Run {
  exitCode: number | null;
  measurements: Record<string, unknown>[];
}

const number = (...values: unknown[]): number | undefined =>
  values.find((value): value is number => typeof value === 'number');

const nameOf = (line: Record<string, unknown>) =>
  typeof line.bench === 'string'
    ? line.bench
    : [
        line.adapter,
        line.workload,
        line.writers === undefined ? undefined : `${String(line.writers)} writers`,
      ]
        .filter(Boolean)
        .join(' ');

const format = (value: number | undefined, suffix = '') =>
  value === undefined ? '—' : `${value >= 100 ? Math.round(value).toLocaleString('en') : value}${suffix}`;

const verdict = (met: unknown) => (met === true ? 'met' : met === false ? 'NOT met' : '');

const rowsOf = (benchmark: string, run: Run): string[][] => {
  const rows = run.measurements.flatMap((line): string[][] => {
    if (typeof line.skipped === 'string')
      return [[benchmark, nameOf(line), `skipped: ${line.skipped}`, '', '', '', '']];
    const throughput = number(line.throughput, line.eventsPerSecond, line.requestsPerSecond);
    if (throughput === undefined) return [];
    const unit =
      typeof line.unit === 'string' ? line.unit : line.eventsPerSecond !== undefined ? 'events/s' : '/s';
    return [
      [
        benchmark,
        nameOf(line),
        `${format(throughput)} ${unit}`,
        format(number(line.medianMs), ' ms'),
        format(number(line.p99Ms), ' ms'),
        format(number(line.ratio, line.ratioToBaseline)),
        verdict(line.met),
      ],
    ];
  });
  if (run.exitCode !== 0) rows.push([benchmark, `FAILED (exit ${run.exitCode})`, '', '', '', '', '']);
  return rows;
};

export const summaryTable = (runs: Record<string, Run>): string => {
  const header = ['benchmark', 'measurement', 'throughput', 'median', 'p99', '÷ ceiling', 'target'];
  const rows = [header, ...Object.entries(runs).flatMap(([name, run]) => rowsOf(name, run))];
  const widths = header.map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]))
      .join('  ')
      .trimEnd();
  return [
    line(rows[0]),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...rows.slice(1).map(line),
  ].join('\n');
};
