import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { validateXML } from 'xmllint-wasm';
import { installReadModel, matchesReadModel, rebuildReadModel, readModels } from '@multitrack/read-models';
import { toAuditEvent } from '../../apps/audit-api/src/history/read-log-from';
import { AuditApp, openAuditApp } from './harness';
import { execute, seedFundingStory } from './seed';

jest.setTimeout(120_000);

const iatiDir = join(__dirname, '../../../shared/iati/2.03');
const schemaFile = (name: string) => ({
  fileName: name,
  contents: readFileSync(join(iatiDir, name), 'utf8'),
});

describe.each(['postgres', 'pglite'] as const)('the audit API on %s', (kind) => {
  let audit: AuditApp;
  let between: string;

  beforeAll(async () => {
    audit = await openAuditApp(kind);
    await seedFundingStory(audit.store, 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    between = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await seedFundingStory(audit.store, 2, 'US');
    await audit.settle();
  });
  afterAll(() => audit?.close());

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field below
  const json = async (path: string, init: RequestInit = {}): Promise<any> => {
    const response = await fetch(`${audit.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${await audit.token('auditor')}`, ...(init.headers ?? {}) },
    });
    expect(response.status).toBeLessThan(300);
    return response.json();
  };

  it('rebuilds an entity as it was between two known events, money in wire form and personal data masked', async () => {
    const before = await json(`/v1/audit/entities/match-mat-1?asOf=${encodeURIComponent(between)}`);
    expect(before).toMatchObject({
      streamId: 'match-mat-1',
      asOf: between,
      state: {
        committed: { amount: '200000.00', currency: 'USD' },
        reportedExpenditure: { amount: '30000.00', currency: 'USD' },
      },
    });
    await execute(
      audit.store,
      'match',
      'mat-1',
      {
        type: 'ReportExpenditure',
        data: {
          reportId: 'rep-more',
          amount: { minor: 500000n, currency: 'USD' },
          description: 'More',
          period: { from: '2030-02-01', to: '2030-02-28' },
        },
      },
      { sub: 'u', roles: ['ngo'], organizationId: 'US-EIN-100001' },
    );
    const now = await json('/v1/audit/entities/match-mat-1');
    expect(now.revision).toBe(before.revision + 1);
    expect(now.state.reportedExpenditure).toEqual({ amount: '35000.00', currency: 'USD' });
    const organization = await json('/v1/audit/entities/organization-US-EIN-100001');
    expect(organization.state.contactEmail).toBe('[personal data]');
    expect(
      (await audit.get(`/v1/audit/entities/match-mat-2?asOf=${encodeURIComponent(between)}`)).status,
    ).toBe(404);
  });

  it('answers positions and tree sizes beyond what a log can hold with 400 naming the field, not 500', async () => {
    for (const [path, field] of [
      ['/v1/audit/events?fromPosition=99999999999999999999', 'fromPosition'],
      ['/v1/audit/export?fromPosition=99999999999999999999', 'fromPosition'],
      ['/v1/audit/proofs/inclusion?position=99999999999999999999&treeSize=1', 'position'],
      ['/v1/audit/proofs/consistency?from=1&to=99999999999999999999', 'to'],
    ]) {
      const response = await audit.get(path);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await response.text()).toContain(field);
    }
  });

  it('exports the log as NDJSON that parses back to exactly what the store holds', async () => {
    const response = await audit.get('/v1/audit/export');
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const exported = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const stored = [];
    for await (const event of audit.store.readAll({ asStored: true }))
      stored.push(JSON.parse(JSON.stringify(toAuditEvent(event))));
    expect(exported).toEqual(stored.slice(0, exported.length));
    expect(exported.length).toBeGreaterThanOrEqual(stored.length - 1);
    const matches = (await (await audit.get('/v1/audit/export?category=match')).text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(matches.every((event) => event.streamId.startsWith('match-'))).toBe(true);
    const page = await json(`/v1/audit/events?limit=5&fromPosition=${exported[3].position}`);
    expect(page.items.map((e: { position: number }) => e.position)).toEqual(
      exported.slice(3, 8).map((e) => e.position),
    );
    expect(page.nextFromPosition).toBe(exported[8].position);
  });

  it('exports IATI activity XML that validates against the IATI 2.03 schema, with receipts and discrepancies', async () => {
    const response = await audit.get('/v1/audit/export/iati');
    expect(response.headers.get('content-type')).toMatch(/^application\/xml/);
    const xml = await response.text();
    const result = await validateXML({
      xml: [{ fileName: 'export.xml', contents: xml }],
      schema: [schemaFile('iati-activities-schema.xsd')],
      preload: [schemaFile('iati-common.xsd'), schemaFile('xml.xsd')],
    });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    for (const code of ['1', '2', '3', '4']) expect(xml).toContain(`<transaction-type code="${code}"/>`);
    expect(xml).toContain('discrepancy: 50000.00 sent, 49990.00 received');
    expect(xml).toContain('<receiver-org ref="US-EIN-100001" type="21">');
  });

  it('exports the funding flows as CSV with an HXL hashtag row under the header', async () => {
    const response = await audit.get('/v1/audit/export/funding.csv');
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const [header, hxl, ...rows] = parse(await response.text()) as string[][];
    expect(header).toContain('amount');
    for (const tag of [
      '#org+name+funder',
      '#org+name+impl',
      '#value+funding',
      '#currency',
      '#date',
      '#status',
    ])
      expect(hxl).toContain(tag);
    const at = (row: string[], tag: string) => row[hxl.indexOf(tag)];
    const disbursed = rows.find(
      (row) => at(row, '#status') === 'disbursed' && at(row, '#activity+code') === 'mat-1',
    )!;
    expect([
      at(disbursed, '#value+funding'),
      at(disbursed, '#currency'),
      at(disbursed, '#org+name+impl'),
    ]).toEqual(['50000.00', 'USD', 'Peace NGO 1']);
  });

  it('gives the ledger as of an instant and as of a value date, rebuilt from events', async () => {
    const then = await json(`/v1/audit/ledger?asOf=${encodeURIComponent(between)}`);
    expect(then.byMatch.map((line: { key: string }) => line.key)).toEqual(['mat-1']);
    expect(then.byMatch[0]).toMatchObject({
      committed: { amount: '200000.00' },
      disbursed: { amount: '50000.00' },
      confirmedReceived: { amount: '49990.00' },
      discrepancies: { count: 1, amount: { amount: '10.00' } },
    });
    const byValueDate = await json('/v1/audit/ledger?valueDate=2030-01-04');
    expect(byValueDate.byMatch[0]).toMatchObject({
      confirmedReceived: { amount: '0.00' },
      reportedExpenditure: { amount: '0.00' },
    });
    const now = await json('/v1/audit/ledger');
    expect(now.byCountry.map((line: { key: string }) => line.key)).toEqual(['KE', 'US']);
    expect(now.byTrack.map((line: { key: string; matches: number }) => [line.key, line.matches])).toEqual([
      ['2', 2],
      ['4', 2],
    ]);
  });

  it('records every audit read in the log, visible to other auditors', async () => {
    await audit.get('/v1/audit/ledger?valueDate=2030-01-01', 'auditor');
    const day = new Date().toISOString().slice(0, 10);
    const response = await fetch(`${audit.url}/v1/audit/streams/audit-${day}/events?limit=500`, {
      headers: { authorization: `Bearer ${await audit.token('auditor', 'another-auditor')}` },
    });
    const { items } = (await response.json()) as { items: { data: { path: string; query: unknown } }[] };
    expect(
      items.find(
        (e: { data: { path: string; query: unknown } }) =>
          e.data.path === '/v1/audit/ledger' && JSON.stringify(e.data.query) === '{"valueDate":"2030-01-01"}',
      ),
    ).toMatchObject({
      type: 'AuditRecordRead',
      data: { method: 'GET', actor: { sub: 'auditor-1', roles: ['auditor'] } },
    });
  });

  it('lets only auditors in, witnesses where API.md says, and nobody without a token', async () => {
    expect((await audit.get('/v1/audit/events', null)).status).toBe(401);
    for (const role of ['officer', 'ngo', 'admin', 'witness'] as const)
      expect((await audit.get('/v1/audit/events', role)).status).toBe(403);
    expect((await audit.get('/v1/audit/checkpoints/latest', 'witness')).status).toBe(200);
    expect((await audit.get('/v1/audit/public-key', 'officer')).status).toBe(403);
  });

  it('reconciles the live read models with the log and finds a corrupted row', async () => {
    for (const model of readModels) {
      await installReadModel(audit.db, model);
      await rebuildReadModel(audit.store, audit.db, model);
    }
    expect(await json('/v1/audit/reconciliations', { method: 'POST' })).toMatchObject({
      consistent: true,
      differences: [],
    });
    await audit.db.query(
      `UPDATE ${matchesReadModel.schema}.matches SET disbursed_minor = disbursed_minor + 1 WHERE id = 'mat-2'`,
    );
    const found = await json('/v1/audit/reconciliations', { method: 'POST' });
    expect(found.consistent).toBe(false);
    expect(found.differences).toEqual([
      expect.objectContaining({
        kind: 'read-model',
        readModel: 'matches',
        table: 'matches',
        missing: [expect.objectContaining({ id: 'mat-2' })],
        unexpected: [expect.objectContaining({ id: 'mat-2' })],
      }),
    ]);
  });
});
