import { startCoordinationApp, type CoordinationApp } from '../coordination/support';
import { coordinationTarget } from './support/coordination-target';
import { fuzz, fuzzRuns, type FuzzTarget } from './support/fuzz';
import { operationsOf } from './support/openapi';

// Requests generated from the coordination API's own OpenAPI document: every operation, every
// role, valid and invalid bodies, parameters and headers. FUZZ_RUNS (default 2000; `npm run fuzz`
// sends 10 000) sets how many.
describe('the coordination API under generated requests (PGlite)', () => {
  let app: CoordinationApp;
  let target: FuzzTarget;

  beforeAll(async () => {
    app = await startCoordinationApp('pglite');
    target = await coordinationTarget(app);
  }, 60_000);
  afterAll(() => app?.close(), 60_000);

  it('never answers 5xx, answers every error as problem+json, and every body as its document says', async () => {
    const report = await fuzz(target, fuzzRuns());

    const operations = operationsOf(target.doc).map((operation) => operation.key);
    expect(report.requests).toBe(fuzzRuns());
    expect(Object.keys(report.byOperation).sort()).toEqual([...operations].sort());
    expect(Object.keys(report.byPrincipal).sort()).toEqual(Object.keys(target.principals).sort());
    process.stdout.write(
      `coordination API fuzz: ${report.requests} requests; statuses ${JSON.stringify(report.byStatus)}\n`,
    );
  }, 600_000);
});
