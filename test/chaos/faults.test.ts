import { printFigures, runChaos, type ChaosFigures } from './support/chaos-run';

// The bounded CI variant of `npm run soak`: the same load and checks, fewer faults, and PostgreSQL
// is NOT stopped here: it is the machine's shared server, and other test files run beside this one.
// Stopping PostgreSQL is the soak's job (docs/reliability.md).
describe('the real stack under faults (three brokers, each app its own process)', () => {
  let figures: ChaosFigures;

  beforeAll(async () => {
    figures = await runChaos(
      {
        name: 'chaos-ci',
        brokers: 3,
        workers: 3,
        faultEveryMs: 5_000,
        // Other test files run beside this one (two Jest workers): apps get the default minute to start.
        startTimeoutS: 60,
        faults: [
          { kind: 'kill', app: 'relay' },
          { kind: 'broker', node: 2, how: 'graceful' },
          { kind: 'kill', app: 'projector' },
          { kind: 'kill', app: 'coordination-api' },
          { kind: 'broker', node: 3, how: 'kill' },
          { kind: 'kill', app: 'projector' },
        ],
        tailMs: 10_000,
      },
      (line) => process.stdout.write(`[chaos] ${line}\n`),
    );
    process.stdout.write(`${printFigures(figures)}\n`);
  }, 480_000);

  it('ran steady load through every fault', () => {
    expect(figures.faultsInjected).toHaveLength(6);
    expect(figures.commandsSent).toBeGreaterThan(100);
    expect(figures.gaveUp).toBe(0);
  });

  it('kept every acknowledged command exactly once, and nothing unacknowledged', () => {
    expect({ lost: figures.lost, duplicated: figures.duplicated }).toEqual({ lost: 0, duplicated: 0 });
    expect(figures.orphaned).toBeLessThanOrEqual(figures.interrupted);
  });

  it('left every stream contiguous and every read model equal to a rebuild from the store', () => {
    expect(figures.nonContiguousStreams).toEqual([]);
    expect(figures.readModelDifferences).toEqual({});
  });

  it('never disbursed more than was committed, and disbursed exactly what was acknowledged', () => {
    expect(figures.matchesChecked).toBeGreaterThan(0);
    expect(figures.badMatches).toEqual([]);
  });

  it('brought every killed app and restarted broker back ready', () => {
    expect(figures.notBack).toEqual([]);
    expect(figures.caughtUp).toBe(true);
  });

  it('caught up to under 1 s of lag within 60 s of the last fault, on replicated topics', () => {
    expect(figures.lagUnderOneSecondAfterMs).toBeLessThanOrEqual(60_000);
    expect(figures.replicationFactor).toBe(3);
  });
});
