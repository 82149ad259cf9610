import { useState } from 'preact/hooks';
import { Chart } from '../audit/flow';
import { useSigned } from '../ui/context';
import { Field, money } from '../ui/form';
import { Show, useLoad } from '../ui/load';
import { Table } from '../ui/table';
import type { Money } from './types';

interface Timing {
  count: number;
  median: number | null;
  p90: number | null;
}
interface Metrics {
  requests: number;
  offers: number;
  matches: number;
  committed: Money[];
  disbursed: Money[];
  secondsToFirstOffer: Timing;
  secondsToMatch: Timing;
  secondsToFirstDisbursement: Timing;
  secondsToConfirmedReceipt: Timing;
}

const timings: [keyof Metrics, string][] = [
  ['secondsToFirstOffer', 'to the first offer'],
  ['secondsToMatch', 'to the match'],
  ['secondsToFirstDisbursement', 'to the first tranche'],
  ['secondsToConfirmedReceipt', 'to a confirmed receipt'],
];
const hours = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 36) / 100);

/** How fast the ministry and the NGOs work together (`GET /v1/cooperation-metrics`). */
export const CooperationMetrics = () => {
  const { api } = useSigned();
  const [filters, setFilters] = useState({ track: '', country: '' });
  const query = new URLSearchParams(Object.entries(filters).filter(([, value]) => value)).toString();
  const metrics = useLoad(() => api.json<Metrics>(`/v1/cooperation-metrics?${query}`), [query]);
  const set = (name: string) => (event: Event) =>
    setFilters({ ...filters, [name]: (event.currentTarget as HTMLInputElement).value });
  return (
    <section aria-labelledby="metrics-heading">
      <h1 id="metrics-heading">Cooperation metrics</h1>
      <form class="filters" aria-label="Filter metrics" onSubmit={(event) => event.preventDefault()}>
        <Field label="Track" name="track" inputMode="numeric" value={filters.track} onChange={set('track')} />
        <Field
          label="Country"
          name="country"
          maxLength={2}
          value={filters.country}
          onChange={set('country')}
        />
      </form>
      <Show loaded={metrics}>
        {(current) => (
          <>
            <p>
              {current.requests} requests, {current.offers} offers, {current.matches} matches; committed{' '}
              {current.committed.map(money).join(', ') || 'nothing'}, disbursed{' '}
              {current.disbursed.map(money).join(', ') || 'nothing'}.
            </p>
            <Chart
              label="Bar chart: median and 90th percentile hours from a request's publication to its first offer, match, first tranche and confirmed receipt"
              option={{
                tooltip: { trigger: 'axis' },
                legend: {},
                xAxis: { type: 'category', data: timings.map(([, label]) => label) },
                yAxis: { type: 'value', name: 'hours' },
                series: (['median', 'p90'] as const).map((field) => ({
                  name: field === 'median' ? 'median' : '90th percentile',
                  type: 'bar',
                  data: timings.map(([key]) => hours((current[key] as Timing)[field])),
                })),
              }}
            />
            <Table
              caption="Hours from publication"
              columns={['Step', 'Requests counted', 'Median', '90th percentile']}
            >
              {timings.map(([key, label]) => {
                const timing = current[key] as Timing;
                return (
                  <tr key={key}>
                    <td>{label}</td>
                    <td class="number">{timing.count}</td>
                    <td class="number">{hours(timing.median) ?? '—'}</td>
                    <td class="number">{hours(timing.p90) ?? '—'}</td>
                  </tr>
                );
              })}
            </Table>
          </>
        )}
      </Show>
    </section>
  );
};
