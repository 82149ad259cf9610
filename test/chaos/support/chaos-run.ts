import { execSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { openPostgres } from '@multitrack/database';
import { openEventStore } from '@multitrack/event-store';
import { ChaosStack, type App } from './chaos-stack';
import { Load } from './load';
import { LogWatch } from './log-watch';
import { ChaosKafka, freeKafkaPorts, pause, root, waitUntil } from './processes';
import { verify, type Verdict } from './verify';

export type Fault =
  | { kind: 'kill'; app: App }
  | { kind: 'broker'; node: number; how: 'graceful' | 'kill' }
  | { kind: 'postgres'; downMs: number };

export interface ChaosPlan {
  name: string;
  brokers: number;
  workers: number;
  /** Load before the first fault and between faults. */
  faultEveryMs: number;
  faults: Fault[];
  /** Load after the last fault, while the lag is watched. */
  tailMs: number;
  /** How long `stack.sh up` waits for an app to be ready. */
  startTimeoutS?: number;
}

export interface ChaosFigures extends Verdict {
  brokers: number;
  replicationFactor: number;
  seconds: number;
  commandsSent: number;
  attempts: number;
  answers: Record<string, number>;
  gaveUp: number;
  faultsInjected: string[];
  /** Faults after which an app or broker did not come back ready. */
  notBack: string[];
  /** Every read model showed every event once the load stopped. */
  caughtUp: boolean;
  projectorHealth: unknown;
  /** From the last fault until every read model trailed the log by under 1 s. */
  lagUnderOneSecondAfterMs: number;
}

const describe = (fault: Fault) =>
  fault.kind === 'kill'
    ? `kill -9 ${fault.app}`
    : fault.kind === 'broker'
      ? `broker ${fault.node} ${fault.how === 'kill' ? 'kill -9' : 'SIGTERM'} + restart`
      : `PostgreSQL stopped ${fault.downMs / 1000} s`;

/** The system PostgreSQL: only the soak stops it (every other test on the machine would fail meanwhile). */
const stopPostgres = async (downMs: number) => {
  const version = readdirSync('/etc/postgresql')[0];
  execSync(`pg_ctlcluster --skip-systemctl-redirect ${version} main stop -m fast`, { stdio: 'ignore' });
  await pause(downMs);
  execSync(`pg_ctlcluster --skip-systemctl-redirect ${version} main start`, { stdio: 'ignore' });
};

const replicationFactorOf = async (brokers: string, prefix: string): Promise<number> => {
  const admin = new Kafka({ brokers: brokers.split(','), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
    const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
    return Math.min(
      ...metadata.flatMap((topic) => topic.partitions.map((partition) => partition.replicas.length)),
    );
  } finally {
    await admin.disconnect();
  }
};

/**
 * Steady load on the real stack (three-broker KRaft cluster, each app its own process) while the
 * plan's faults strike; then every guarantee is checked against the event store.
 */
export const runChaos = async (plan: ChaosPlan, say: (line: string) => void): Promise<ChaosFigures> => {
  const began = Date.now();
  const run = `${plan.name}-${randomBytes(3).toString('hex')}`;
  const home = path.join(root, '.state', run);
  const kafka = new ChaosKafka(plan.brokers, path.join(home, 'kafka'), await freeKafkaPorts(plan.brokers));
  let stack: ChaosStack | undefined;
  // Kept for reading when anything went wrong.
  let keep = false;
  try {
    await kafka.start();
    say(`Kafka: ${plan.brokers} broker(s) at ${kafka.bootstrap}`);
    stack = await ChaosStack.create(run, kafka.bootstrap, plan.startTimeoutS);
    await stack.up();
    say(`stack up at ${stack.url}`);
    const load = new Load(stack.url, stack.secret, run, `GB-CHC-${Date.now() % 1_000_000_000}`);
    await load.prepare();
    load.start(plan.workers);
    const faultsInjected: string[] = [];
    const notBack: string[] = [];
    for (const fault of plan.faults) {
      await pause(plan.faultEveryMs);
      const at = Date.now();
      try {
        if (fault.kind === 'kill') await stack.killAndRestart(fault.app);
        else if (fault.kind === 'broker') await kafka.restartNode(fault.node, fault.how);
        else await stopPostgres(fault.downMs);
      } catch (error) {
        // Not thrown: what did not come back is a finding, and the checks below say what it cost.
        notBack.push(
          `${describe(fault)}: ${
            (error as Error).message
              .split('\n')
              .filter((line) => line.startsWith('stack:'))
              .join(' ') || (error as Error).message.slice(0, 300)
          }`,
        );
      }
      faultsInjected.push(describe(fault));
      say(
        `fault ${faultsInjected.length}: ${describe(fault)} (back in ${((Date.now() - at) / 1000).toFixed(1)} s; ${load.outcomes.length} commands answered so far)`,
      );
    }
    const lastFault = Date.now();

    const db = await openPostgres({
      connectionString: stack.databaseUrl,
      applicationName: 'multitrack-chaos-check',
    });
    const store = await openEventStore({ kind: 'postgres', database: db });
    try {
      const watch = new LogWatch(store, db);
      // Measured, not thrown: a slow recovery is a figure the caller asserts on.
      const lagUnderOneSecondAfterMs = await waitUntil(
        async () => (await watch.lagSeconds()) < 1,
        'lag under 1 s',
        60_000,
      )
        .then(() => Date.now() - lastFault)
        .catch(() => Infinity);
      await pause(Math.max(0, plan.tailMs - (Date.now() - lastFault)));
      await load.stop();
      // A projector stopped at a revision gap never catches up: do not wait for it twice.
      const catchUpMs = Number.isFinite(lagUnderOneSecondAfterMs) ? 60_000 : 5_000;
      const caughtUp = await waitUntil(
        async () => (await watch.lagSeconds()) === 0,
        'the read models show every event',
        catchUpMs,
      ).then(
        () => true,
        () => false,
      );
      const projectorHealth = await stack.readiness('projector');
      const verdict = await verify(store, db, await watch.refresh(), load.outcomes, load.stories);
      keep =
        !caughtUp ||
        notBack.length > 0 ||
        verdict.lost + verdict.duplicated > 0 ||
        verdict.orphaned > verdict.interrupted;
      const answers: Record<string, number> = {};
      for (const outcome of load.outcomes)
        answers[String(outcome.status)] = (answers[String(outcome.status)] ?? 0) + 1;
      return {
        ...verdict,
        brokers: plan.brokers,
        replicationFactor: await replicationFactorOf(kafka.bootstrap, `${run}.`),
        seconds: Math.round((Date.now() - began) / 1000),
        commandsSent: load.outcomes.length,
        attempts: load.outcomes.reduce((sum, outcome) => sum + outcome.attempts, 0),
        answers,
        gaveUp: load.outcomes.filter((outcome) => outcome.status === 'gave-up').length,
        faultsInjected,
        notBack,
        caughtUp,
        projectorHealth,
        lagUnderOneSecondAfterMs,
      };
    } finally {
      await load.stop();
      await store.close();
      await db.close();
    }
  } catch (error) {
    keep = true;
    throw error;
  } finally {
    await stack?.destroy(keep);
    await kafka.stop().catch(() => undefined);
    if (keep) say(`logs and state kept in ${home}`);
    else rmSync(home, { recursive: true, force: true });
  }
};

export const printFigures = (figures: ChaosFigures): string =>
  [
    `chaos: ${figures.seconds} s on ${figures.brokers} broker(s) (replication factor ${figures.replicationFactor})`,
    `  commands sent ${figures.commandsSent} (${figures.attempts} attempts; answers ${JSON.stringify(figures.answers)}; gave up ${figures.gaveUp})`,
    `  faults injected ${figures.faultsInjected.length}: ${figures.faultsInjected.join(', ')}`,
    `  events ${figures.events} in ${figures.streams} streams; lost ${figures.lost}; duplicated ${figures.duplicated}; orphaned ${figures.orphaned} (interrupted by the end of the load ${figures.interrupted})`,
    `  non-contiguous streams ${figures.nonContiguousStreams.length}; read models differing from a rebuild ${Object.keys(figures.readModelDifferences).length}`,
    `  matches checked ${figures.matchesChecked}, over-disbursed or miscounted ${figures.badMatches.length}`,
    `  apps or brokers not back ready ${figures.notBack.length}${figures.notBack.length ? `: ${figures.notBack.join('; ')}` : ''}; caught up ${figures.caughtUp}`,
    `  lag under 1 s ${(figures.lagUnderOneSecondAfterMs / 1000).toFixed(1)} s after the last fault`,
  ].join('\n');
