import { Counter, Gauge, Histogram, Metric, register, Registry } from 'prom-client';

// One set per process in prom-client's default registry, labelled by read model.
const once = <M>(name: string, make: () => M): M =>
  (register.getSingleMetric(name) as M | undefined) ?? make();
const labelNames = ['read_model'] as const;

export const projectorMetrics = {
  applied: once(
    'multitrack_projector_applied_events_total',
    () =>
      new Counter({
        name: 'multitrack_projector_applied_events_total',
        help: 'Events applied to a read model',
        labelNames,
      }),
  ),
  duplicates: once(
    'multitrack_projector_duplicate_events_total',
    () =>
      new Counter({
        name: 'multitrack_projector_duplicate_events_total',
        help: 'Redelivered or re-published events ignored because their revision was already applied',
        labelNames,
      }),
  ),
  deadLetters: once(
    'multitrack_projector_dead_letters_total',
    () =>
      new Counter({
        name: 'multitrack_projector_dead_letters_total',
        help: 'Poison messages sent to the dead-letter topic',
        labelNames,
      }),
  ),
  gaps: once(
    'multitrack_projector_revision_gaps_total',
    () =>
      new Counter({
        name: 'multitrack_projector_revision_gaps_total',
        help: 'Events whose stream revision skipped ahead: the partition stops there',
        labelNames,
      }),
  ),
  haltedPartitions: once(
    'multitrack_projector_halted_partitions',
    () =>
      new Gauge({
        name: 'multitrack_projector_halted_partitions',
        help: 'Partitions stopped at a revision gap',
        labelNames,
      }),
  ),
  batchSize: once(
    'multitrack_projector_batch_size',
    () =>
      new Histogram({
        name: 'multitrack_projector_batch_size',
        help: 'Messages per consumed batch',
        labelNames,
        buckets: [1, 5, 10, 50, 100, 250, 500, 1000],
      }),
  ),
  position: once(
    'multitrack_projector_position',
    () =>
      new Gauge({
        name: 'multitrack_projector_position',
        help: 'Highest global log position applied',
        labelNames,
      }),
  ),
  lagSeconds: once(
    'multitrack_projector_lag_seconds',
    () =>
      new Gauge({
        name: 'multitrack_projector_lag_seconds',
        help: 'Age of the newest event of the last applied batch (delay from the event store to the read model)',
        labelNames,
      }),
  ),
};

/** Also shows them in the app's own registry (libs/platform's `Metrics`), which serves `/metrics`. */
export const exposeProjectorMetrics = (registry: Registry): void => {
  for (const metric of Object.values(projectorMetrics).flatMap((value) =>
    typeof value === 'object' ? [value as Metric] : [],
  )) {
    if (!registry.getSingleMetric((metric as unknown as { name: string }).name))
      registry.registerMetric(metric);
  }
};
