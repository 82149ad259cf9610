/**
 * `npm run soak` (10+ minutes; not part of `npm test`): the fault-injection soak on a three-broker
 * KRaft cluster. It stops the system PostgreSQL for 10 s twice, so run it on a machine where
 * nothing else needs PostgreSQL meanwhile. SOAK_MINUTES (default 10) stretches it.
 */
import { printFigures, runChaos, type Fault } from './support/chaos-run';

const minutes = Number(process.env.SOAK_MINUTES ?? 10);
const faultEveryMs = 20_000;
const round: Fault[] = [
  { kind: 'kill', app: 'relay' },
  { kind: 'broker', node: 2, how: 'graceful' },
  { kind: 'kill', app: 'projector' },
  { kind: 'kill', app: 'coordination-api' },
  { kind: 'postgres', downMs: 10_000 },
  { kind: 'broker', node: 3, how: 'kill' },
  { kind: 'kill', app: 'relay' },
  { kind: 'kill', app: 'projector' },
  { kind: 'broker', node: 1, how: 'kill' },
  { kind: 'kill', app: 'coordination-api' },
];
// About 30 s per fault (load between faults plus recovery); the last minute is the tail.
const faults = Array.from(
  { length: Math.max(round.length, Math.round(((minutes - 1) * 60_000) / 30_000)) },
  (_, i) => round[i % round.length],
);

const main = async () => {
  const figures = await runChaos(
    { name: 'soak', brokers: 3, workers: 6, faultEveryMs, faults, tailMs: 60_000 },
    (line) => process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`),
  );
  process.stdout.write(`${printFigures(figures)}\n`);
  const failed =
    figures.lost +
      figures.duplicated +
      Math.max(0, figures.orphaned - figures.interrupted) +
      figures.gaveUp +
      figures.nonContiguousStreams.length +
      figures.badMatches.length >
      0 ||
    Object.keys(figures.readModelDifferences).length > 0 ||
    figures.lagUnderOneSecondAfterMs > 60_000;
  if (failed) process.stdout.write(`SOAK FAILED\n${JSON.stringify({ ...figures }, null, 2)}\n`);
  process.exit(failed ? 1 : 0);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
