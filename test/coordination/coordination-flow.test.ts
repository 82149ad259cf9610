import { writeDirectly } from '../support/write-directly';
import {
  clientOf,
  fundingScene,
  ORG,
  OTHER_ORG,
  startCoordinationApp,
  streamOf,
  suggestionsReadable,
  tokenFor,
  tokens,
  validOffer,
  validRequest,
  vettedOrganization,
  wholeLog,
  type Client,
  type CoordinationApp,
  type Tokens,
} from './support';

// Each file boots the API on a fresh database with its projectors: slower than a unit spec.
jest.setTimeout(60_000);

describe.each(['pglite', 'postgres'] as const)('coordination API on %s', (kind) => {
  let app: CoordinationApp;
  let api: Client;
  let t: Tokens;

  beforeAll(async () => {
    app = await startCoordinationApp(kind);
    api = clientOf(app.url);
    t = await tokens();
  });
  afterAll(() => app?.close());

  describe('organisations', () => {
    it('registers, vets and reads an organisation, honouring If-Match and ETag', async () => {
      const id = 'KE-NCB-100';
      const created = await api.post(
        '/v1/organizations',
        { id, name: 'Amani', country: 'KE', tracks: [4], contactEmail: 'amani@example.org' },
        { token: t.admin },
      );
      expect(created).toMatchObject({ status: 201, body: { id, revision: 0 } });
      expect(created.body.position).toBeGreaterThanOrEqual(0);

      const read = await api.get(`/v1/organizations/${id}?minRevision=0`, { token: t.auditor });
      expect(read.status).toBe(200);
      expect(read.headers.get('etag')).toBe('"0"');
      expect(read.body).toEqual({
        id,
        name: 'Amani',
        country: 'KE',
        tracks: [4],
        contactEmail: 'amani@example.org',
        personalDataErased: false,
        status: 'pending',
        revision: 0,
      });

      const vetted = await api.post(
        `/v1/organizations/${id}/vetting`,
        { decision: 'approved', note: 'ok' },
        { token: t.officer, headers: { 'if-match': 'W/"0"' } },
      );
      expect(vetted).toMatchObject({ status: 200, body: { id, revision: 1 } });
      const stale = await api.post(
        `/v1/organizations/${id}/suspension`,
        { reason: 'audit' },
        { token: t.officer, headers: { 'if-match': '"0"' } },
      );
      expect(stale.status).toBe(412);
      expect(stale.contentType).toMatch(/^application\/problem\+json/);
      expect(stale.headers.get('etag')).toBe('"1"');
      expect((await api.get(`/v1/organizations/${id}?minRevision=1`, { token: t.ngo })).body.status).toBe(
        'vetted',
      );
    });

    it('answers 404 for an organisation that does not exist, on reads and on transitions', async () => {
      expect((await api.get('/v1/organizations/XX-NONE-1', { token: t.officer })).status).toBe(404);
      expect(
        (await api.post('/v1/organizations/XX-NONE-1/suspension', { reason: 'x' }, { token: t.officer }))
          .status,
      ).toBe(404);
    });

    it('refuses to register the same organisation twice with the rule as type', async () => {
      const body = { id: 'KE-NCB-200', name: 'Twice', country: 'KE', tracks: [1], contactEmail: 'a@b.org' };
      await api.post('/v1/organizations', body, { token: t.officer });
      const again = await api.post('/v1/organizations', body, { token: t.officer });
      expect(again.status).toBe(422);
      expect(again.body.type).toMatch(/organization\.already-registered$/);
    });
  });

  describe('help requests and offers', () => {
    it('publishes, amends and lists a request, and an NGO offers on it', async () => {
      const scene = await fundingScene(api, t);
      const request = await api.get(`/v1/requests/${scene.requestId}?minRevision=1`, { token: t.ngo });
      expect(request.status).toBe(200);
      expect(request.body).toMatchObject({
        ...validRequest(),
        id: scene.requestId,
        status: 'open',
        revision: 1,
      });
      expect(request.headers.get('etag')).toBe('"1"');

      const amended = await api.patch(
        `/v1/requests/${scene.requestId}`,
        { budget: { amount: '350000', currency: 'USD' } },
        { token: t.officer, headers: { 'if-match': '1' } },
      );
      expect(amended).toMatchObject({ status: 200, body: { revision: 2 } });
      const after = await api.get(`/v1/requests/${scene.requestId}?minRevision=2`, { token: t.officer });
      expect(after.body).toMatchObject({ budget: { amount: '350000.00', currency: 'USD' }, offerCount: 1 });

      const listed = await api.get('/v1/requests?status=open&track=5&country=CO&limit=500', {
        token: t.auditor,
      });
      expect(listed.body.items.map((r: { id: string }) => r.id)).toContain(scene.requestId);
      expect(listed.body).toHaveProperty('nextCursor');
    });

    it('records the offer on the request stream too, and shows each NGO only its own offers', async () => {
      const scene = await fundingScene(api, t);
      expect((await streamOf(app.store, `request-${scene.requestId}`)).map((e) => e.type)).toEqual([
        'HelpRequestPublished',
        'OfferReceived',
      ]);
      const own = await api.get(`/v1/offers/${scene.offerId}?minRevision=0`, { token: t.ngo });
      expect(own).toMatchObject({
        status: 200,
        body: { id: scene.offerId, organizationId: ORG, status: 'submitted', amount: validOffer().amount },
      });
      expect((await api.get(`/v1/offers/${scene.offerId}`, { token: t.otherNgo })).status).toBe(404);
      expect(
        (await api.get(`/v1/requests/${scene.requestId}/offers`, { token: t.otherNgo })).body.items,
      ).toEqual([]);
      expect(
        (await api.get(`/v1/requests/${scene.requestId}/offers`, { token: t.officer })).body.items,
      ).toHaveLength(1);
      expect(
        (await api.post(`/v1/offers/${scene.offerId}/withdrawal`, { reason: 'x' }, { token: t.otherNgo }))
          .status,
      ).toBe(404);
      const withdrawn = await api.post(
        `/v1/offers/${scene.offerId}/withdrawal`,
        { reason: 'team unavailable' },
        { token: t.ngo },
      );
      expect(withdrawn).toMatchObject({ status: 200, body: { id: scene.offerId, revision: 1 } });
    });

    it('refuses an offer on a cancelled request and from an unvetted organisation, touching no stream', async () => {
      await vettedOrganization(api, t, ORG);
      const request = await api.post('/v1/requests', validRequest(), { token: t.officer });
      await api.post(
        `/v1/requests/${request.body.id}/cancellation`,
        { reason: 'no longer needed' },
        { token: t.officer },
      );
      const late = await api.post(`/v1/requests/${request.body.id}/offers`, validOffer(), { token: t.ngo });
      expect(late.status).toBe(422);
      expect(late.body.type).toMatch(/request\.not-open$/);

      await api.post(
        '/v1/organizations',
        { id: 'DE-VR-77', name: 'New', country: 'DE', tracks: [2], contactEmail: 'n@e.org' },
        { token: t.officer },
      );
      const open = await api.post('/v1/requests', validRequest(), { token: t.officer });
      const unvetted = await api.post(`/v1/requests/${open.body.id}/offers`, validOffer(), {
        token: await tokenFor('u-de', ['ngo'], 'DE-VR-77'),
      });
      expect(unvetted.status).toBe(422);
      expect(unvetted.body.type).toMatch(/organization\.not-vetted$/);
      expect((await streamOf(app.store, `request-${open.body.id}`)).map((e) => e.type)).toEqual([
        'HelpRequestPublished',
      ]);
      expect(
        (
          await api.post(`/v1/requests/00000000-0000-4000-8000-000000000000/offers`, validOffer(), {
            token: t.ngo,
          })
        ).status,
      ).toBe(404);
    });

    it('gives a retried publication (same Idempotency-Key) the same id and appends nothing twice', async () => {
      const headers = { 'idempotency-key': `publish-${kind}-1` };
      const first = await api.post('/v1/requests', validRequest(), { token: t.officer, headers });
      const again = await api.post('/v1/requests', validRequest(), { token: t.officer, headers });
      expect(again.body).toEqual(first.body);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(await streamOf(app.store, `request-${first.body.id}`)).toHaveLength(1);
      // Another officer with the same key is another caller: another request.
      const other = await api.post('/v1/requests', validRequest(), { token: t.officer2, headers });
      expect(other.body.id).not.toBe(first.body.id);
    });

    it('never lets an offer in after a concurrent match: every recorded offer precedes RequestMatched', async () => {
      await vettedOrganization(api, t, ORG);
      const request = await api.post('/v1/requests', validRequest(), { token: t.officer });
      const streamId = `request-${request.body.id}`;
      const match = writeDirectly(app.store, 'request', request.body.id, {
        type: 'MarkRequestMatched',
        data: { matchId: 'match-race', offerId: 'offer-race' },
      });
      const offers = Array.from({ length: 8 }, () =>
        api.post(`/v1/requests/${request.body.id}/offers`, validOffer(), { token: t.ngo }),
      );
      const [answers] = await Promise.all([Promise.all(offers), match]);
      expect(
        answers.every(
          (a) => a.status === 201 || (a.status === 422 && /request\.not-open$/.test(a.body.type)),
        ),
      ).toBe(true);
      const types = (await streamOf(app.store, streamId)).map((e) => e.type);
      expect(types.lastIndexOf('OfferReceived')).toBeLessThan(types.indexOf('RequestMatched'));
      expect(types.filter((type) => type === 'OfferReceived')).toHaveLength(
        answers.filter((a) => a.status === 201).length,
      );
    });

    it('ranks vetted organisations and offers for a request, with scores and reasons', async () => {
      const scene = await fundingScene(api, t);
      await suggestionsReadable(api, t, scene.requestId, [scene.offerId]);
      const suggestions = await api.get(`/v1/requests/${scene.requestId}/match-suggestions`, {
        token: t.officer,
      });
      expect(suggestions.status).toBe(200);
      const [best] = suggestions.body.items;
      expect(best).toMatchObject({ kind: 'offer', offerId: scene.offerId, organizationId: ORG });
      expect(best.score).toBeGreaterThan(0);
      expect(best.reasons.length).toBe(4);
      expect(
        suggestions.body.items.some((s: { organizationId: string }) => s.organizationId === OTHER_ORG),
      ).toBe(true);
    });
  });

  describe('erasure of personal data', () => {
    it('keeps the plaintext e-mail out of the event store, and reads null once the key is destroyed', async () => {
      const id = 'NL-KVK-4242';
      const email = `erase-me-${kind}@peace.example`;
      await api.post(
        '/v1/organizations',
        { id, name: 'Vrede', country: 'NL', tracks: [6], contactEmail: email },
        { token: t.officer },
      );
      const scan = async () => JSON.stringify((await wholeLog(app.store)).map((e) => [e.data, e.metadata]));
      expect(await scan()).not.toContain(email);
      expect(
        (await api.get(`/v1/organizations/${id}?minRevision=0`, { token: t.officer })).body.contactEmail,
      ).toBe(email);

      expect(
        (await api.post(`/v1/organizations/${id}/erasure`, { reason: 'GDPR art. 17' }, { token: t.officer }))
          .status,
      ).toBe(403);
      const erased = await api.post(
        `/v1/organizations/${id}/erasure`,
        { reason: 'GDPR art. 17' },
        { token: t.admin },
      );
      expect(erased).toMatchObject({ status: 200, body: { id, revision: 1 } });
      const read = await api.get(`/v1/organizations/${id}?minRevision=1`, { token: t.officer });
      expect(read.body).toMatchObject({ contactEmail: null, personalDataErased: true });
      expect((await streamOf(app.store, `organization-${id}`)).map((e) => e.type)).toEqual([
        'OrganizationRegistered',
        'PersonalDataErased',
      ]);
      expect(await scan()).not.toContain(email);
      expect(await app.vault.isErased(id)).toBe(true);
    });
  });
});
