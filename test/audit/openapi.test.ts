/* eslint-disable @typescript-eslint/no-explicit-any -- the OpenAPI document and answers are untyped JSON */
import { installReadModel, matchesReadModel, readModels, rebuildReadModel } from '@multitrack/read-models';
import { generateSigningKey, loadSigner, publicKeyRaw } from '@multitrack/transparency-log';
import {
  bodyValidator,
  contractRoutes,
  documentedOperations,
  expectRouteDocumented,
  problemStatusesOf,
  readApiContract,
  type ContractRoute,
} from '../openapi/api-contract';
import { AuditApp, openAuditApp } from './harness';
import { FundingStory, seedFundingStory } from './seed';

const witness = loadSigner({ name: 'witness.example/w1', privateKeyPkcs8Base64: generateSigningKey() });

/** API.md's row for an earlier checkpoint names no media type: it is the same signed note as the latest. */
const mediaTypeOf = (route: ContractRoute) =>
  route.key === 'GET /v1/audit/checkpoints/{treeSize}' ? 'text/plain' : route.mediaType;

describe("the audit API's OpenAPI document (PGlite)", () => {
  let audit: AuditApp;
  let doc: any;
  let story: FundingStory;
  let treeSize: number;
  const contract = contractRoutes(readApiContract()).filter(
    (route) => route.section.startsWith('Audit') || route.section === 'Health',
  );

  beforeAll(async () => {
    audit = await openAuditApp('pglite', { AUDIT_WITNESS_KEYS: `${witness.name}=${publicKeyRaw(witness)}` });
    story = await seedFundingStory(audit.store, 1);
    treeSize = await audit.settle();
    doc = await (await fetch(`${audit.url}/docs-json`)).json();
  });
  afterAll(() => audit?.close());

  it('lists every audit route of API.md with its method, its roles, its success answer and its problem answers', () => {
    expect(contract.filter((route) => route.section.startsWith('Audit'))).toHaveLength(15);
    for (const route of contract) {
      const { operation } = expectRouteDocumented(doc, route, mediaTypeOf(route));
      // Every audit route names the stream, checkpoint or query it could not find.
      if (route.roles)
        expect({ route: route.key, problems: problemStatusesOf(doc, operation) }).toEqual({
          route: route.key,
          problems: expect.arrayContaining(['404']),
        });
    }
  });

  it('describes the query parameters and request bodies the routes take', () => {
    const operations = documentedOperations(doc);
    const parameters = (key: string) =>
      Object.fromEntries(
        operations
          .get(key)!
          .parameters.map((p) => [p.name, { in: p.in, required: Boolean(p.required), type: p.schema?.type }]),
      );
    const optionalInteger = { in: 'query', required: false, type: 'integer' };
    const requiredInteger = { in: 'query', required: true, type: 'integer' };
    const optionalString = { in: 'query', required: false, type: 'string' };

    expect(parameters('GET /v1/audit/events')).toEqual({
      fromPosition: optionalInteger,
      limit: optionalInteger,
      cursor: optionalString,
    });
    expect(parameters('GET /v1/audit/streams/{streamId}/events')).toMatchObject({
      limit: optionalInteger,
      cursor: optionalString,
    });
    expect(parameters('GET /v1/audit/entities/{streamId}')).toMatchObject({ asOf: optionalString });
    expect(parameters('GET /v1/audit/ledger')).toEqual({ asOf: optionalString, valueDate: optionalString });
    expect(parameters('GET /v1/audit/export')).toEqual({
      fromPosition: optionalInteger,
      category: optionalString,
      from: optionalString,
      to: optionalString,
    });
    expect(parameters('GET /v1/audit/proofs/inclusion')).toEqual({
      position: requiredInteger,
      treeSize: requiredInteger,
    });
    expect(parameters('GET /v1/audit/proofs/consistency')).toEqual({
      from: requiredInteger,
      to: requiredInteger,
    });
    for (const key of [
      'GET /v1/audit/checkpoints/{treeSize}',
      'POST /v1/audit/checkpoints/{treeSize}/cosignatures',
    ])
      expect(parameters(key).treeSize).toEqual({ in: 'path', required: true, type: 'integer' });
    for (const operation of operations.values())
      for (const parameter of operation.parameters.filter((p) => p.in === 'query'))
        expect({
          parameter: `${operation.key} ?${parameter.name}`,
          described: Boolean((parameter as any).description),
        }).toEqual({ parameter: `${operation.key} ?${parameter.name}`, described: true });

    expect(operations.get('POST /v1/audit/checkpoints/{treeSize}/cosignatures')!.body).toEqual({
      $ref: '#/components/schemas/CosignatureBody',
    });
    expect(doc.components.schemas.CosignatureBody.required).toEqual(['name', 'signature']);
    expect(operations.get('POST /v1/audit/reconciliations')!.body).toBeUndefined();
  });

  it('leaves out /metrics, which is for Prometheus and not part of the contract, and keeps the health probes', () => {
    expect(Object.keys(doc.paths).filter((path) => path.startsWith('/metrics'))).toEqual([]);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/health/live', '/health/ready']));
  });

  describe('answers a seeded log with bodies the document describes, every field named', () => {
    const sent: string[] = [];

    const check = async (
      key: string,
      path: string,
      init: { role?: 'auditor' | 'witness'; body?: unknown } = {},
    ): Promise<any> => {
      const [method] = key.split(' ');
      const token = await audit.token(init.role ?? 'auditor');
      const response = await fetch(`${audit.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(init.body ? { 'content-type': 'application/json' } : {}),
        },
        body: init.body ? JSON.stringify(init.body) : undefined,
      });
      const body = await response.json();
      const status = method === 'POST' && key.endsWith('cosignatures') ? 201 : 200;
      expect({ path, status: response.status, ...(response.status === status ? {} : { body }) }).toEqual({
        path,
        status,
      });
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect({ path, invalid: bodyValidator(doc)(key, response.status, body) }).toEqual({
        path,
        invalid: undefined,
      });
      sent.push(key);
      return body;
    };

    it('for the log, a stream, an entity as of now and before, the ledger, the key and the proofs', async () => {
      const page = await check('GET /v1/audit/events', '/v1/audit/events?limit=3');
      expect(page.nextCursor).not.toBeNull();
      const last = await check(
        'GET /v1/audit/events',
        `/v1/audit/events?cursor=${page.nextCursor}&limit=500`,
      );
      expect(last.nextCursor).toBeNull();
      expect(
        (
          await check(
            'GET /v1/audit/streams/{streamId}/events',
            `/v1/audit/streams/match-${story.matchId}/events?limit=2`,
          )
        ).nextCursor,
      ).toBe('2');
      await check('GET /v1/audit/streams/{streamId}/events', '/v1/audit/streams/request-none/events');
      for (const streamId of [
        `organization-${story.organizationId}`,
        `request-${story.requestId}`,
        `offer-${story.offerId}`,
        `match-${story.matchId}`,
      ])
        await check('GET /v1/audit/entities/{streamId}', `/v1/audit/entities/${streamId}`);
      const firstRecorded = page.items[0].recordedAt;
      expect(
        (
          await check(
            'GET /v1/audit/entities/{streamId}',
            `/v1/audit/entities/organization-${story.organizationId}?asOf=${firstRecorded}`,
          )
        ).revision,
      ).toBe(0);
      const ledger = await check('GET /v1/audit/ledger', '/v1/audit/ledger');
      expect(ledger.byMatch).toHaveLength(1);
      await check('GET /v1/audit/ledger', '/v1/audit/ledger?valueDate=2030-01-01');
      await check('GET /v1/audit/public-key', '/v1/audit/public-key', { role: 'witness' });
      await check(
        'GET /v1/audit/proofs/inclusion',
        `/v1/audit/proofs/inclusion?position=${page.items[1].position}&treeSize=${treeSize}`,
        { role: 'witness' },
      );
      await check('GET /v1/audit/proofs/consistency', `/v1/audit/proofs/consistency?from=1&to=${treeSize}`, {
        role: 'witness',
      });
    });

    it('for a cosignature', async () => {
      const note: string = await (await audit.get(`/v1/audit/checkpoints/${treeSize}`, 'witness')).text();
      const { signature } = witness.sign(note.slice(0, note.indexOf('\n\n') + 1));
      const cosigned = await check(
        'POST /v1/audit/checkpoints/{treeSize}/cosignatures',
        `/v1/audit/checkpoints/${treeSize}/cosignatures`,
        { role: 'witness', body: { name: witness.name, signature } },
      );
      expect(cosigned.signedBy).toContain(witness.name);
    });

    it('for reconciliations that find read models missing, then a corrupted row', async () => {
      const missing = await check('POST /v1/audit/reconciliations', '/v1/audit/reconciliations');
      expect(missing.differences.map((d: any) => d.kind)).toContain('read-model-missing');
      for (const model of readModels) {
        await installReadModel(audit.db, model);
        await rebuildReadModel(audit.store, audit.db, model);
      }
      await audit.db.query(
        `UPDATE ${matchesReadModel.schema}.matches SET disbursed_minor = disbursed_minor + 1 WHERE id = $1`,
        [story.matchId],
      );
      const corrupted = await check('POST /v1/audit/reconciliations', '/v1/audit/reconciliations');
      expect(corrupted.differences.map((d: any) => d.kind)).toEqual(['read-model']);
    });

    it('for integrity, whole and then broken', async () => {
      expect((await check('GET /v1/audit/integrity', '/v1/audit/integrity')).verified).toBe(true);
      await audit.db.query(
        `UPDATE events SET data = jsonb_set(data, '{reason}', '"rewritten"') WHERE stream_id = $1 AND stream_version = 1`,
        [`organization-${story.organizationId}`],
      );
      const broken = await check('GET /v1/audit/integrity', '/v1/audit/integrity');
      expect(broken.firstBrokenAt).toMatchObject({
        streamId: `organization-${story.organizationId}`,
        reason: 'hash-mismatch',
      });
    });

    it('for every JSON route of API.md', () => {
      const json = contract
        .filter((route) => route.section.startsWith('Audit') && mediaTypeOf(route) === 'application/json')
        .map((route) => route.key);
      expect([...new Set(sent)].sort()).toEqual(json.sort());
    });
  });

  it('answers the other routes with the media types the document names, NDJSON lines as events', async () => {
    const validate = bodyValidator(doc);
    const eventSchemaOf = (line: string) =>
      validate('GET /v1/audit/events', 200, {
        items: [JSON.parse(line)],
        nextFromPosition: null,
        nextCursor: null,
      });
    for (const route of contract.filter(
      (r) => r.section.startsWith('Audit') && mediaTypeOf(r) !== 'application/json',
    )) {
      const path = route.key.slice('GET '.length).replace('{treeSize}', String(treeSize));
      const response = await audit.get(path);
      const text = await response.text();
      expect({
        path,
        status: response.status,
        type: response.headers.get('content-type')?.split(';')[0],
      }).toEqual({ path, status: 200, type: mediaTypeOf(route) });
      expect(text.length).toBeGreaterThan(0);
      if (route.mediaType === 'application/x-ndjson')
        for (const line of text.trimEnd().split('\n'))
          expect({ line: line.slice(0, 80), invalid: eventSchemaOf(line) }).toEqual({
            line: line.slice(0, 80),
            invalid: undefined,
          });
    }
  });
});
