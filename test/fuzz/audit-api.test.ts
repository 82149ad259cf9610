import { badTokens } from '../coordination/support';
import { openAuditApp, type AuditApp } from '../audit/harness';
import { seedFundingStory } from '../audit/seed';
import { fuzz, fuzzRuns, type FuzzTarget } from './support/fuzz';
import { operationsOf } from './support/openapi';

// The audit API's own OpenAPI document drives the requests, as for the coordination API.
describe('the audit API under generated requests (PGlite)', () => {
  let audit: AuditApp;
  let target: FuzzTarget;

  beforeAll(async () => {
    audit = await openAuditApp('pglite');
    const story = await seedFundingStory(audit.store, 1);
    const size = await audit.settle();
    const streams = [`organization-${story.organizationId}`, `request-${story.requestId}`, `offer-${story.offerId}`, `match-${story.matchId}`];
    target = {
      url: audit.url,
      doc: await (await fetch(`${audit.url}/docs-json`)).json(),
      principals: {
        auditor: await audit.token('auditor'),
        witness: await audit.token('witness'),
        officer: await audit.token('officer'),
        ngo: await audit.token('ngo'),
        admin: await audit.token('admin'),
        anonymous: null,
        otherIssuersToken: await badTokens.wrongAudience(),
        algNone: await badTokens.algNone(),
        garbage: 'not.a.jwt',
      },
      known: (_path, parameter) =>
        parameter === 'streamId' ? streams : parameter === 'treeSize' ? ['1', String(size)] : [],
    };
  }, 60_000);
  afterAll(() => audit?.close(), 60_000);

  it('never answers 5xx, answers every error as problem+json, and every body as its document says', async () => {
    const report = await fuzz(target, fuzzRuns());

    expect(report.requests).toBe(fuzzRuns());
    expect(Object.keys(report.byOperation).sort()).toEqual(operationsOf(target.doc).map((operation) => operation.key).sort());
    expect(Object.keys(report.byPrincipal).sort()).toEqual(Object.keys(target.principals).sort());
    process.stdout.write(`audit API fuzz: ${report.requests} requests; statuses ${JSON.stringify(report.byStatus)}\n`);
  }, 600_000);
});
