import { BarChart, SankeyChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'preact/hooks';
import { useSigned } from '../ui/context';
import { Table } from '../ui/table';
import { money } from '../ui/form';
import { Show, useLoad } from '../ui/load';
import type { HelpRequest, Match, Money } from '../desk/types';

echarts.use([SankeyChart, BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

interface LedgerLine {
  key: string;
  currency: string;
  committed: Money;
  disbursed: Money;
  confirmedReceived: Money;
  reportedExpenditure: Money;
}
interface Ledger {
  asOf: string;
  byMatch: LedgerLine[];
  byOrganization: LedgerLine[];
}
interface Flow {
  ledger: Ledger;
  matches: Match[];
  titles: Map<string, string>;
}

/** Widths of a picture only: the amounts themselves are always shown as the API's strings. */
const width = (value: Money) => Number(value.amount);

const loadFlow = async (api: ReturnType<typeof useSigned>['api']): Promise<Flow> => {
  const ledger = await api.json<Ledger>('/v1/audit/ledger');
  const matches = await Promise.all(
    ledger.byMatch.slice(0, 100).map((line) => api.json<Match>(`/v1/matches/${line.key}`)),
  );
  const requests = await Promise.all(
    [...new Set(matches.map((match) => match.requestId))].map((id) =>
      api.json<HelpRequest>(`/v1/requests/${id}`),
    ),
  );
  return { ledger, matches, titles: new Map(requests.map((request) => [request.id, request.title])) };
};

/** The ministry → requests → organisations, link widths what was committed. */
const sankeyOf = ({ matches, titles }: Flow) => {
  const ministry = 'Ministry';
  const request = (id: string) => `Request: ${titles.get(id) ?? id}`;
  const nodes = new Set<string>([ministry]);
  const links = new Map<string, { source: string; target: string; value: number }>();
  const add = (source: string, target: string, value: number) => {
    nodes.add(source).add(target);
    const key = `${source}→${target}`;
    const link = links.get(key) ?? { source, target, value: 0 };
    link.value += value;
    links.set(key, link);
  };
  // Then where each organisation's committed money stands: disbursed or not yet, and of what was
  // disbursed, confirmed as arrived or not yet (reported spending is in the table and the bars).
  for (const match of matches) {
    const committed = width(match.committed);
    if (committed <= 0) continue;
    const disbursed = width(match.disbursed);
    const confirmed = Math.min(width(match.confirmedReceived), disbursed);
    add(ministry, request(match.requestId), committed);
    add(request(match.requestId), match.organizationId, committed);
    add(match.organizationId, 'Disbursed', disbursed);
    add(match.organizationId, 'Not yet disbursed', committed - disbursed);
    add('Disbursed', 'Confirmed received', confirmed);
    add('Disbursed', 'Not yet confirmed', disbursed - confirmed);
  }
  for (const [key, link] of links) if (link.value <= 0) links.delete(key);
  const linked = new Set([...links.values()].flatMap((link) => [link.source, link.target]));
  for (const node of nodes) if (!linked.has(node)) nodes.delete(node);
  return { nodes: [...nodes].map((name) => ({ name })), links: [...links.values()] };
};

export const Chart = ({ option, label }: { option: echarts.EChartsCoreOption; label: string }) => {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = echarts.init(element.current!, undefined, { renderer: 'svg' });
    chart.setOption(option);
    const resize = () => chart.resize();
    addEventListener('resize', resize);
    return () => {
      removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option]);
  return <div ref={element} class="chart" role="img" aria-label={label} />;
};

export const FundingFlow = () => {
  const { api } = useSigned();
  const flow = useLoad(() => loadFlow(api), []);
  return (
    <section aria-labelledby="flow-heading">
      <h1 id="flow-heading">Funding flow</h1>
      <Show loaded={flow}>
        {(current) => {
          const sankey = sankeyOf(current);
          const organizations = current.ledger.byOrganization;
          return (
            <>
              <p>
                As of {current.ledger.asOf}. The ministry's commitments to each request and organisation, then
                how much of it was disbursed and confirmed as arrived; the table below has every figure.
              </p>
              {sankey.links.length === 0 ? (
                <p>No money has been committed yet.</p>
              ) : (
                <Chart
                  label="Sankey diagram: from the ministry to each request and the organisations matched to it (committed), then disbursed or not yet, then confirmed received or not yet"
                  option={{
                    tooltip: { trigger: 'item' },
                    series: [
                      {
                        type: 'sankey',
                        data: sankey.nodes,
                        links: sankey.links,
                        emphasis: { focus: 'adjacency' },
                        lineStyle: { color: 'gradient', curveness: 0.5 },
                      },
                    ],
                  }}
                />
              )}
              {organizations.length > 0 && (
                <Chart
                  label="Bar chart: committed, disbursed, confirmed received and reported spent per organisation"
                  option={{
                    tooltip: { trigger: 'axis' },
                    legend: {},
                    xAxis: {
                      type: 'category',
                      data: organizations.map((line) => `${line.key} (${line.currency})`),
                    },
                    yAxis: { type: 'value' },
                    series: (
                      ['committed', 'disbursed', 'confirmedReceived', 'reportedExpenditure'] as const
                    ).map((field) => ({
                      name: {
                        committed: 'committed',
                        disbursed: 'disbursed',
                        confirmedReceived: 'confirmed received',
                        reportedExpenditure: 'reported spent',
                      }[field],
                      type: 'bar',
                      data: organizations.map((line) => width(line[field])),
                    })),
                  }}
                />
              )}
              <Table
                caption={'Money per organisation'}
                columns={['Organisation', 'Committed', 'Disbursed', 'Confirmed received', 'Reported spent']}
              >
                {organizations.map((line) => (
                  <tr key={`${line.key}-${line.currency}`}>
                    <td>{line.key}</td>
                    <td class="number">{money(line.committed)}</td>
                    <td class="number">{money(line.disbursed)}</td>
                    <td class="number">{money(line.confirmedReceived)}</td>
                    <td class="number">{money(line.reportedExpenditure)}</td>
                  </tr>
                ))}
              </Table>
            </>
          );
        }}
      </Show>
    </section>
  );
};
