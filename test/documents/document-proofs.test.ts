import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  clientOf,
  fundingScene,
  ORG,
  startCoordinationApp,
  tokens,
  type Client,
  type CoordinationApp,
  type Tokens,
} from '../coordination/support';
import { auditBeside, type AuditBeside } from './audit-beside';
import { documentsClient, pdf, sha256 } from './support';

jest.setTimeout(240_000);

/**
 * Issue 16, "done when": a document attached to a match is proved byte for byte by the auditor's
 * CLI with the published key alone — the untampered file verifies, a tampered one does not — and
 * after the organisation's erasure a personal document answers 410 while every proof still verifies.
 */
describe.each(['pglite', 'postgres'] as const)('documents anchored in the proofs (%s)', (kind) => {
  let app: CoordinationApp;
  let audit: AuditBeside;
  let api: Client;
  let docs: ReturnType<typeof documentsClient>;
  let t: Tokens;
  let matchId: string;
  let dir: string;

  beforeAll(async () => {
    app = await startCoordinationApp(kind);
    audit = await auditBeside(app);
    api = clientOf(app.url);
    docs = documentsClient(app.url);
    t = await tokens();
    const scene = await fundingScene(api, t);
    const made = await api.post(
      '/v1/matches',
      { requestId: scene.requestId, offerId: scene.offerId },
      { token: t.officer },
    );
    matchId = made.body.id;
    dir = await mkdtemp(join(tmpdir(), 'documents-proofs-'));
  });
  afterAll(async () => {
    await audit?.close();
    await app?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const fileWith = async (name: string, bytes: Buffer) => {
    const path = join(dir, name);
    await writeFile(path, bytes);
    return path;
  };

  const attach = async (bytes: Buffer, query = '') => {
    const uploaded = await docs.upload(t.ngo, bytes, 'application/pdf', query);
    expect(uploaded.status).toBe(201);
    const attached = await api.post(
      `/v1/matches/${matchId}/attachments`,
      { documentId: uploaded.body.id, purpose: 'receipt' },
      { token: t.ngo },
    );
    expect(attached.status).toBe(201);
    return { id: uploaded.body.id as string, position: attached.body.position as number };
  };

  const proofOf = (id: string) =>
    fetch(`${audit.url}/v1/audit/documents/${id}/proof`, {
      headers: { authorization: `Bearer ${t.auditor}` },
    });

  it('answers the inclusion proof of the attaching event against the latest signed checkpoint', async () => {
    const bytes = pdf(`receipt ${randomBytes(8).toString('hex')}`);
    const { id, position } = await attach(bytes);
    expect((await proofOf(id)).status).toBe(404); // no checkpoint holds it yet
    await audit.settle();
    const answer = await proofOf(id);
    expect(answer.status).toBe(200);
    const proof = (await answer.json()) as { leafIndex: number; treeSize: number; rootHash: string };
    expect(proof).toMatchObject({
      documentId: id,
      sha256: sha256(bytes),
      position,
      treeSize: expect.any(Number),
    });
    expect(proof.leafIndex).toBeLessThan(proof.treeSize);
    const checkpoint = await fetch(`${audit.url}/v1/audit/checkpoints/${proof.treeSize}`, {
      headers: { authorization: `Bearer ${t.auditor}` },
    });
    expect((await checkpoint.text()).split('\n')[2]).toBe(proof.rootHash);
    const refused = await fetch(`${audit.url}/v1/audit/documents/${id}/proof`, {
      headers: { authorization: `Bearer ${t.officer}` },
    });
    expect(refused.status).toBe(403);
  });

  it('verifies the untampered file with the CLI (exit 0), and refuses a tampered one (exit 1)', async () => {
    const bytes = pdf(`signed agreement ${randomBytes(8).toString('hex')}`);
    const { id } = await attach(bytes);
    await audit.settle();
    const good = await audit.cli(
      ['verify-document', await fileWith('agreement.pdf', bytes), '--id', id],
      t.auditor,
    );
    expect(good.stderr).toBe('');
    expect(good.code).toBe(0);
    expect(good.stdout).toContain(sha256(bytes));

    const tampered = Buffer.from(bytes);
    tampered[tampered.length - 8] ^= 0x01;
    const bad = await audit.cli(
      ['verify-document', await fileWith('tampered.pdf', tampered), '--id', id],
      t.auditor,
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('VERIFICATION FAILED');

    const otherKey = Buffer.alloc(32, 7).toString('base64');
    const wrongKey = await audit.cli(
      [
        'verify-document',
        await fileWith('again.pdf', bytes),
        '--id',
        id,
        '--public-key',
        otherKey,
        '--log-name',
        'someone/else',
      ],
      t.auditor,
    );
    expect(wrongKey.code).toBe(1);
  });

  it('lists attached documents as IATI document-link elements (not personal ones), and the NDJSON export carries the attachments', async () => {
    const bytes = pdf(`final report ${randomBytes(8).toString('hex')}`);
    const { id } = await attach(bytes, '?filename=final-report.pdf');
    const secret = await attach(pdf('a personal one'), '?personal=true');
    const auditor = { headers: { authorization: `Bearer ${t.auditor}` } };
    const iati = await (await fetch(`${audit.url}/v1/audit/export/iati`, auditor)).text();
    const link = iati.match(
      new RegExp(`<document-link[^>]*url="/v1/documents/${id}"[\\s\\S]*?</document-link>`),
    )?.[0];
    expect(link).toContain('format="application/pdf"');
    expect(link).toContain(`final-report.pdf (sha-256 ${sha256(bytes)})`);
    expect(link).toContain('<category code="A05"/>');
    expect(iati.indexOf('<document-link')).toBeGreaterThan(iati.lastIndexOf('<transaction '));
    expect(iati).not.toContain(secret.id);
    const ndjson = await (await fetch(`${audit.url}/v1/audit/export?category=match`, auditor)).text();
    const attached = ndjson
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { type: string; data: { documentId?: string; sha256?: string } })
      .filter((event) => event.type === 'DocumentAttached');
    expect(attached).toContainEqual(
      expect.objectContaining({ data: expect.objectContaining({ documentId: id, sha256: sha256(bytes) }) }),
    );
  });

  it('answers 410 for a personal document once its organisation is erased, and its proof still verifies', async () => {
    const bytes = pdf(`vetting evidence with a passport scan ${randomBytes(8).toString('hex')}`);
    const { id } = await attach(bytes, '?personal=true');
    const before = await docs.download(t.officer, id);
    expect(before.status).toBe(200);
    expect(before.bytes.equals(bytes)).toBe(true);
    expect(before.headers.get('accept-ranges')).toBeNull();

    const erased = await api.post(
      `/v1/organizations/${ORG}/erasure`,
      { reason: 'request of the data subject' },
      { token: t.admin },
    );
    expect(erased.status).toBe(200);
    const after = await docs.download(t.officer, id);
    expect(after.status).toBe(410);
    expect(after.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const listed = await api.get(`/v1/matches/${matchId}/attachments`, { token: t.officer });
    expect(listed.body.items.map((item: { documentId: string }) => item.documentId)).toContain(id);

    await audit.settle();
    const proved = await audit.cli(
      ['verify-document', await fileWith('evidence.pdf', bytes), '--id', id],
      t.auditor,
    );
    expect(proved.stderr).toBe('');
    expect(proved.code).toBe(0);
    const chain = await audit.cli(['verify'], t.auditor);
    expect(chain.code).toBe(0);
  });

  it('refuses a personal document from a caller with no organisation to seal it under', async () => {
    const uploaded = await docs.upload(
      t.officer,
      pdf('no organisation'),
      'application/pdf',
      '?personal=true',
    );
    expect(uploaded.status).toBe(400);
  });
});
