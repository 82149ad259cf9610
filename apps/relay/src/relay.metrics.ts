import { Counter, Gauge, Histogram, Metric, register, Registry } from 'prom-client';

// Registered once per process in prom-client's default registry (served by libs/platform's
// /metrics); a second Relay instance (tests, restarts) reuses them.
const once = <M>(name: string, make: () => M): M =>
  (register.getSingleMetric(name) as M | undefined) ?? make();

export interface RelayGauges {
  lagEvents(): number;
  lagSeconds(): number;
}

let current: RelayGauges | undefined;

export const relayMetrics = {
  published: once(
    'multitrack_relay_published_events_total',
    () =>
      new Counter({
        name: 'multitrack_relay_published_events_total',
        help: 'Events published to the bus and acknowledged',
      }),
  ),
  batchSize: once(
    'multitrack_relay_batch_size',
    () =>
      new Histogram({
        name: 'multitrack_relay_batch_size',
        help: 'Events per publish call',
        buckets: [1, 5, 10, 50, 100, 250, 500, 1000],
      }),
  ),
  position: once(
    'multitrack_relay_position',
    () =>
      new Gauge({
        name: 'multitrack_relay_position',
        help: 'Global log position of the last acknowledged event',
      }),
  ),
  lagEvents: once(
    'multitrack_relay_lag_events',
    () =>
      new Gauge({
        name: 'multitrack_relay_lag_events',
        help: 'Events read from the log and not yet acknowledged by the bus',
        collect() {
          this.set(current?.lagEvents() ?? 0);
        },
      }),
  ),
  lagSeconds: once(
    'multitrack_relay_lag_seconds',
    () =>
      new Gauge({
        name: 'multitrack_relay_lag_seconds',
        help: 'Age of the oldest event read from the log and not yet acknowledged (0 when caught up)',
        collect() {
          this.set(current?.lagSeconds() ?? 0);
        },
      }),
  ),
  /** The relay whose lag the gauges report (one per process). */
  observe(relay: RelayGauges) {
    current = relay;
  },
};

/** Also shows them in the app's own registry (libs/platform's `Metrics`), which serves `/metrics`. */
export const exposeRelayMetrics = (registry: Registry): void => {
  for (const metric of Object.values(relayMetrics).flatMap((value) =>
    typeof value === 'object' ? [value as Metric] : [],
  )) {
    if (!registry.getSingleMetric((metric as unknown as { name: string }).name))
      registry.registerMetric(metric);
  }
};
