/**
 * Webhook benchmark (never part of `npm test`):
 *   node -r @swc-node/register bench/webhooks/run.ts
 * On the local PostgreSQL server: the fan-out and the deliverer of apps/webhooks, in this process,
 * delivering to a receiver on 127.0.0.1 (also in this process: what it costs is counted too).
 * 1. throughput: a backlog of BENCH_BACKLOG events (over 100 streams) delivered, signed, to one
 *    subscription; its ceiling is the same receiver fed by plain unsigned POSTs at the same
 *    concurrency, with no database in between.
 * 2. lag: BENCH_RATE events/s appended for BENCH_SECONDS; the time from each append's answer to
 *    its arrival at the receiver, median and p99.
 */
import { randomBytes } from 'node:crypto';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openPostgres } from '@multitrack/database';
import { openEventStore } from '@multitrack/event-store';
import { Deliverer } from '../../apps/webhooks/src/delivery/deliverer';
import { DeliveriesStore } from '../../apps/webhooks/src/delivery/deliveries.store';
import { FanOut } from '../../apps/webhooks/src/delivery/fan-out';
import { TargetPolicy } from '../../apps/webhooks/src/delivery/target-policy';
import { VisibleEvents } from '../../apps/webhooks/src/events/visible-events';
import {
  newSigningSecret,
  SubscriptionSecrets,
} from '../../apps/webhooks/src/subscriptions/subscription-secrets';
import { SubscriptionsStore } from '../../apps/webhooks/src/subscriptions/subscriptions.store';
import { migrateWebhooks } from '../../apps/webhooks/src/webhooks.migrations';
import { sampleEvent } from '../event-store/workloads';
import { printMeasurement, round } from '../support/measurement';
import { scratchDatabase } from '../support/scratch-database';

const backlog = Number(process.env.BENCH_BACKLOG ?? 3000);
const rate = Number(process.env.BENCH_RATE ?? 500);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const concurrency = 32;
const streams = 100;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const main = async () => {
  const scratch = await scratchDatabase('multitrack_bench_webhooks');
  const db = await openPostgres({ connectionString: scratch.url, maxConnections: 20 });
  const store = await openEventStore({ kind: 'postgres', database: db, pollIntervalMs: 5 });
  const arrivals = new Map<string, number>();
  const receiver = createServer((req, res) => {
    const id = String(req.headers['webhook-id'] ?? req.headers['x-id']);
    req.resume();
    req.on('end', () => {
      if (!arrivals.has(id)) arrivals.set(id, performance.now());
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  try {
    await migrateWebhooks(db);
    const secrets = new SubscriptionSecrets(randomBytes(32));
    const subscriptions = new SubscriptionsStore(db);
    const deliveries = new DeliveriesStore(db);
    const secret = newSigningSecret();
    await subscriptions.create(
      { subscriber: 'bench-officer', viewer: { roles: ['officer'] }, url, eventTypes: null },
      (id) => secrets.seal(id, secret),
    );
    const deliverer = new Deliverer(deliveries, secrets, new TargetPolicy(true), {
      concurrency,
      perSubscription: concurrency,
      maxAttempts: 8,
      retryBaseMs: 1000,
      timeoutMs: 10_000,
    });
    const fanOut = new FanOut(store, deliveries, subscriptions, new VisibleEvents(store), {
      onQueued: () => deliverer.wake(),
    });

    // 1. Backlog throughput, and its ceiling.
    for (let n = 0; n < backlog; n += streams)
      await store.appendToStreams(
        Array.from({ length: streams }, (_, stream) => ({
          streamId: `request-bench-${stream}`,
          events: [sampleEvent(n + stream)],
          expectedRevision: n === 0 ? ('no_stream' as const) : n / streams - 1,
        })),
      );
    const began = performance.now();
    await fanOut.start();
    deliverer.start();
    while (arrivals.size < backlog) await pause(10);
    const deliveredPerSecond = backlog / ((performance.now() - began) / 1000);

    const body = JSON.stringify({ data: sampleEvent(0).data });
    const ceilingBegan = performance.now();
    let sent = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (sent < backlog) {
          const id = `ceiling-${sent++}`;
          await new Promise<void>((resolve, reject) => {
            const post = request(url, {
              method: 'POST',
              headers: { 'x-id': id, 'content-type': 'application/json' },
            });
            post.on('response', (res) => res.resume().on('end', resolve));
            post.on('error', reject);
            post.end(body);
          });
        }
      }),
    );
    const ceilingPerSecond = backlog / ((performance.now() - ceilingBegan) / 1000);
    printMeasurement({
      bench: 'webhooks.backlog-delivery.postgres',
      throughput: round(deliveredPerSecond),
      unit: 'deliveries/s',
      ceiling: { bench: 'webhooks.plain-posts', throughput: round(ceilingPerSecond) },
      ratio: round(deliveredPerSecond / ceilingPerSecond, 2),
      events: backlog,
      concurrency,
    });

    // 2. Lag from append to arrival at a steady rate.
    const appendedAt = new Map<string, number>();
    const total = rate * seconds;
    const start = performance.now();
    const revisions = new Array<number>(streams).fill(backlog / streams - 1);
    // Appenders side by side, as concurrent commands are: each paced, each with its own streams.
    const appenders = 10;
    await Promise.all(
      Array.from({ length: appenders }, async (_, appender) => {
        for (let n = appender; n < total; n += appenders) {
          const wait = start + (n * 1000) / rate - performance.now();
          if (wait > 1) await pause(wait);
          const stream = (n % (streams / appenders)) * appenders + appender;
          const event = { ...sampleEvent(n), eventId: crypto.randomUUID() };
          await store.appendToStream(`request-bench-${stream}`, [event], {
            expectedRevision: revisions[stream],
          });
          revisions[stream] += 1;
          appendedAt.set(event.eventId, performance.now());
        }
      }),
    );
    const achievedRate = total / ((performance.now() - start) / 1000);
    const deadline = performance.now() + 60_000;
    while ([...appendedAt.keys()].some((id) => !arrivals.has(id)) && performance.now() < deadline)
      await pause(20);
    const lags = [...appendedAt].map(([id, at]) => (arrivals.get(id) ?? Infinity) - at).sort((a, b) => a - b);
    printMeasurement({
      bench: 'webhooks.append-to-delivery-lag.postgres',
      throughput: round(achievedRate),
      unit: 'events/s appended',
      medianMs: round(percentile(lags, 0.5)),
      p99Ms: round(percentile(lags, 0.99)),
      delivered: lags.filter(Number.isFinite).length,
      events: total,
    });
    await fanOut.stop();
    await deliverer.stop();
  } finally {
    receiver.closeAllConnections();
    receiver.close();
    await store.close();
    await db.close();
    await scratch.drop();
  }
};

main().catch((error: unknown) => {
  process.stderr.write(`bench/webhooks: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
