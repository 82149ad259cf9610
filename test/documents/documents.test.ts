import { randomBytes } from 'node:crypto';
import {
  clientOf,
  fundingScene,
  startCoordinationApp,
  tokens,
  type Client,
  type CoordinationApp,
  type Scene,
  type Tokens,
} from '../coordination/support';
import { chunked, documentsClient, pdf, PNG_HEADER, sha256, ZIP_HEADER } from './support';

/**
 * Evidence documents over HTTP (API.md, "Evidence documents"), on both modes: upload, attach to
 * a request, an offer and a match, read as allowed and refused.
 */
describe.each(['pglite', 'postgres'] as const)('evidence documents (%s)', (kind) => {
  let app: CoordinationApp;
  let api: Client;
  let docs: ReturnType<typeof documentsClient>;
  let t: Tokens;
  let scene: Scene;
  let matchId: string;

  beforeAll(async () => {
    app = await startCoordinationApp(kind, { DOCUMENT_MAX_BYTES: String(3 * 1024 * 1024) });
    api = clientOf(app.url);
    docs = documentsClient(app.url);
    t = await tokens();
    scene = await fundingScene(api, t);
    const made = await api.post(
      '/v1/matches',
      { requestId: scene.requestId, offerId: scene.offerId },
      { token: t.officer },
    );
    expect(made.status).toBe(201);
    matchId = made.body.id;
  });
  afterAll(() => app?.close());

  describe('upload', () => {
    it('answers 201 with the SHA-256, size, type and filename of what was sent', async () => {
      const bytes = pdf('grant agreement');
      const answer = await docs.upload(t.officer, bytes, 'application/pdf', '?filename=agreement.pdf');
      expect(answer.status).toBe(201);
      expect(answer.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        sha256: sha256(bytes),
        size: bytes.length,
        mediaType: 'application/pdf',
        filename: 'agreement.pdf',
      });
    });

    it('streams a body of several MiB sent in chunks, without a Content-Length', async () => {
      const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(2 * 1024 * 1024 + 17)]);
      const stream = chunked(bytes, 100_000);
      const answer = await docs.send('POST', '/v1/documents', {
        token: t.ngo,
        type: 'application/pdf',
        bytes: stream,
      });
      expect(answer.status).toBe(201);
      expect(answer.body.sha256).toBe(sha256(bytes));
      const back = await docs.download(t.ngo, answer.body.id);
      expect(sha256(back.bytes)).toBe(sha256(bytes));
    });

    it('refuses more than DOCUMENT_MAX_BYTES with a 413 problem, announced or not', async () => {
      const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(3 * 1024 * 1024)]);
      const announced = await docs.upload(t.officer, big);
      expect(announced.status).toBe(413);
      expect(announced.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const stream = chunked(big, 256 * 1024);
      const sentChunked = await docs.send('POST', '/v1/documents', {
        token: t.officer,
        type: 'application/pdf',
        bytes: stream,
      });
      expect(sentChunked.status).toBe(413);
    });

    it.each([
      ['a ZIP sent as a PNG', 'image/png', Buffer.concat([ZIP_HEADER, randomBytes(100)])],
      [
        'a PNG header on a ZIP sent as a Word document',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        Buffer.concat([PNG_HEADER, randomBytes(100)]),
      ],
      ['a type the contract does not list', 'application/zip', Buffer.concat([ZIP_HEADER, randomBytes(100)])],
      ['JSON', 'application/json', Buffer.from('{"a":1}')],
      ['text with a NUL in it', 'text/plain', Buffer.from('abc\0def')],
    ])('refuses %s with a 415 problem', async (_, type, bytes) => {
      const answer = await docs.upload(t.officer, bytes, type);
      expect(answer.status).toBe(415);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    });

    it('keeps other routes answering a document type with the 415 they always did', async () => {
      const answer = await docs.send('POST', `/v1/requests/${scene.requestId}/cancellation`, {
        token: t.officer,
        type: 'text/plain',
        bytes: Buffer.from('{"reason":"as text"}'),
      });
      expect(answer.status).toBe(415);
    });

    it('refuses roles other than officer and ngo, and anonymous callers', async () => {
      expect((await docs.upload(t.auditor, pdf('x'))).status).toBe(403);
      expect(
        (await docs.send('POST', '/v1/documents', { type: 'application/pdf', bytes: pdf('x') })).status,
      ).toBe(401);
    });

    it('refuses a bad filename with a 400 naming it', async () => {
      const answer = await docs.upload(t.officer, pdf('x'), 'application/pdf', '?filename=..%2Fetc%2Fpasswd');
      expect(answer.status).toBe(400);
      expect(JSON.stringify(answer.body)).toContain('filename');
    });
  });

  describe('attach and read', () => {
    it('records DocumentAttached with hash, size, type and purpose in the match stream', async () => {
      const bytes = pdf('receipt 1');
      const { body: uploaded } = await docs.upload(t.ngo, bytes, 'application/pdf', '?filename=receipt.pdf');
      const attached = await api.post(
        `/v1/matches/${matchId}/attachments`,
        { documentId: uploaded.id, purpose: 'receipt' },
        { token: t.ngo },
      );
      expect(attached.status).toBe(201);
      const events = await app.store.readStream(`match-${matchId}`);
      expect(events.at(-1)).toMatchObject({
        type: 'DocumentAttached',
        data: {
          documentId: uploaded.id,
          sha256: sha256(bytes),
          size: bytes.length,
          mediaType: 'application/pdf',
          purpose: 'receipt',
        },
      });
      expect(attached.body.position).toBe(events.at(-1)!.position);

      const listed = await api.get(`/v1/matches/${matchId}/attachments`, { token: t.officer });
      expect(listed.status).toBe(200);
      expect(listed.body.items).toContainEqual({
        documentId: uploaded.id,
        sha256: sha256(bytes),
        size: bytes.length,
        mediaType: 'application/pdf',
        filename: 'receipt.pdf',
        purpose: 'receipt',
        attachedBy: `user-of-GB-CHC-202918`,
        attachedAt: expect.any(String),
      });
    });

    it('serves the bytes to whoever may read the entity, with ETag and Repr-Digest, and 404 to others', async () => {
      const bytes = pdf('expenditure report');
      const { body: uploaded } = await docs.upload(t.ngo, bytes);
      expect((await docs.download(t.officer, uploaded.id)).status).toBe(404);
      await api.post(
        `/v1/offers/${scene.offerId}/attachments`,
        { documentId: uploaded.id, purpose: 'report' },
        { token: t.ngo },
      );
      for (const token of [t.ngo, t.officer, t.auditor]) {
        const answer = await docs.download(token, uploaded.id);
        expect(answer.status).toBe(200);
        expect(answer.bytes.equals(bytes)).toBe(true);
        expect(answer.headers.get('content-type')).toBe('application/pdf');
        expect(answer.headers.get('etag')).toBe(`"${sha256(bytes)}"`);
        expect(answer.headers.get('repr-digest')).toBe(
          `sha-256=:${Buffer.from(sha256(bytes), 'hex').toString('base64')}:`,
        );
      }
      expect((await docs.download(t.otherNgo, uploaded.id)).status).toBe(404);
      expect((await api.get(`/v1/offers/${scene.offerId}/attachments`, { token: t.otherNgo })).status).toBe(
        404,
      );
      expect((await docs.download(t.ngo, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
      expect((await docs.download(t.ngo, 'not-a-uuid')).status).toBe(404);
    });

    it('serves a range, and answers 304 to its own ETag', async () => {
      const bytes = pdf('0123456789abcdef');
      const { body: uploaded } = await docs.upload(t.officer, bytes);
      const part = await docs.download(t.officer, uploaded.id, { range: 'bytes=9-18' });
      expect(part.status).toBe(206);
      expect(part.bytes.toString()).toBe(bytes.subarray(9, 19).toString());
      expect(part.headers.get('content-range')).toBe(`bytes 9-18/${bytes.length}`);
      expect((await docs.download(t.officer, uploaded.id, { range: `bytes=${bytes.length}-` })).status).toBe(
        416,
      );
      const unchanged = await docs.download(t.officer, uploaded.id, {
        'if-none-match': `"${sha256(bytes)}"`,
      });
      expect(unchanged.status).toBe(304);
    });

    it('lets only officers attach to a request; anyone reads its attachments', async () => {
      const { body: uploaded } = await docs.upload(t.ngo, pdf('vetting'));
      expect(
        (
          await api.post(
            `/v1/requests/${scene.requestId}/attachments`,
            { documentId: uploaded.id, purpose: 'other' },
            { token: t.ngo },
          )
        ).status,
      ).toBe(403);
      const { body: officers } = await docs.upload(t.officer, pdf('terms of reference'));
      const attached = await api.post(
        `/v1/requests/${scene.requestId}/attachments`,
        { documentId: officers.id, purpose: 'agreement' },
        { token: t.officer },
      );
      expect(attached.status).toBe(201);
      expect((await docs.download(t.otherNgo, officers.id)).status).toBe(200);
      const listed = await api.get(`/v1/requests/${scene.requestId}/attachments`, { token: t.witness });
      expect(listed.body.items.map((item: { documentId: string }) => item.documentId)).toContain(officers.id);
    });

    it('refuses, with 422 rules, an unknown document, another organisation’s, and the same one twice', async () => {
      const unknown = await api.post(
        `/v1/matches/${matchId}/attachments`,
        { documentId: '00000000-0000-4000-8000-000000000000', purpose: 'receipt' },
        { token: t.officer },
      );
      expect([unknown.status, unknown.body.rule]).toEqual([422, 'document.unknown']);
      const { body: theirs } = await docs.upload(t.otherNgo, pdf('not yours'));
      const notYours = await api.post(
        `/v1/matches/${matchId}/attachments`,
        { documentId: theirs.id, purpose: 'receipt' },
        { token: t.ngo },
      );
      expect([notYours.status, notYours.body.rule]).toEqual([422, 'document.not-yours']);
      const { body: once } = await docs.upload(t.ngo, pdf('once'));
      const body = { documentId: once.id, purpose: 'receipt' };
      expect((await api.post(`/v1/matches/${matchId}/attachments`, body, { token: t.ngo })).status).toBe(201);
      const twice = await api.post(`/v1/matches/${matchId}/attachments`, body, { token: t.ngo });
      expect([twice.status, twice.body.rule]).toEqual([422, 'document.already-attached']);
      // The other NGO cannot even learn the match exists.
      const hidden = await api.post(
        `/v1/matches/${matchId}/attachments`,
        { documentId: theirs.id, purpose: 'receipt' },
        { token: t.otherNgo },
      );
      expect(hidden.status).toBe(404);
    });

    it('validates the body: a purpose outside the list is a 400 naming it', async () => {
      const answer = await api.post(
        `/v1/matches/${matchId}/attachments`,
        { documentId: 'x', purpose: 'gift' },
        { token: t.officer },
      );
      expect(answer.status).toBe(400);
      expect(JSON.stringify(answer.body)).toContain('purpose');
    });
  });
});
