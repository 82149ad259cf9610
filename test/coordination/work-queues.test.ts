import {
  clientOf,
  ORG,
  OTHER_ORG,
  startCoordinationApp,
  tokens,
  validOffer,
  validRequest,
  vettedOrganization,
  type Client,
  type CoordinationApp,
  type Tokens,
  usd,
} from './support';

jest.setTimeout(60_000);

/** The reads follow the log eventually: ask again until the answer says what the test waits for. */
const eventually = async <T>(read: () => Promise<T>, until: (value: T) => boolean): Promise<T> => {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (until(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

/**
 * "What waits for me" (API.md second wave, Work queues and metrics): the offers and matches lists
 * (an NGO sees only its own), an officer's approval queue (never its own tranches), and the
 * cooperation metrics with their filters.
 */
describe.each(['pglite', 'postgres'] as const)('work queues and metrics on %s', (kind) => {
  let app: CoordinationApp;
  let api: Client;
  let t: Tokens;
  /** Two requests in Kenya, two offers each (one per NGO); the first request matched to ORG. */
  let scene: { requests: string[]; offers: string[][]; matchId: string };

  beforeAll(async () => {
    app = await startCoordinationApp(kind);
    api = clientOf(app.url);
    t = await tokens();
    await vettedOrganization(api, t, ORG);
    await vettedOrganization(api, t, OTHER_ORG);
    const requests: string[] = [];
    const offers: string[][] = [];
    for (const title of ['Kenya one', 'Kenya two']) {
      const request = await api.post(
        '/v1/requests',
        { ...validRequest(), title, country: 'KE', tracks: [3] },
        { token: t.officer },
      );
      expect(request.status).toBe(201);
      requests.push(request.body.id);
      const mine = await api.post(`/v1/requests/${request.body.id}/offers`, validOffer(), { token: t.ngo });
      const theirs = await api.post(`/v1/requests/${request.body.id}/offers`, validOffer(), {
        token: t.otherNgo,
      });
      offers.push([mine.body.id, theirs.body.id]);
    }
    const made = await api.post(
      '/v1/matches',
      { requestId: requests[0], offerId: offers[0][0] },
      { token: t.officer },
    );
    expect(made.status).toBe(201);
    const committed = await api.post(
      `/v1/matches/${made.body.id}/commitments`,
      { amount: usd('250000.00') },
      { token: t.officer },
    );
    expect(committed.status).toBe(201);
    scene = { requests, offers, matchId: made.body.id };
  });
  afterAll(() => app?.close());

  describe('GET /v1/offers', () => {
    it('shows an NGO its own offers only, whatever it filters on', async () => {
      const mine = await eventually(
        () => api.get(`/v1/offers?requestId=${scene.requests[1]}`, { token: t.ngo }),
        (answer) => answer.body.items?.length === 1,
      );
      expect(mine.status).toBe(200);
      expect(mine.body.items.map((o: { id: string }) => o.id)).toEqual([scene.offers[1][0]]);
      expect(mine.body.items[0]).toMatchObject({ organizationId: ORG, status: 'submitted', revision: 0 });
      const theirs = await api.get(`/v1/offers?organizationId=${OTHER_ORG}`, { token: t.ngo });
      expect(theirs.body).toEqual({ items: [], nextCursor: null });
    });

    it('lets an officer filter by request, organisation and status, page by page', async () => {
      const all = await eventually(
        () => api.get(`/v1/offers?requestId=${scene.requests[0]}`, { token: t.officer }),
        (answer) => answer.body.items?.length === 2,
      );
      expect(all.body.items.map((o: { id: string }) => o.id)).toEqual(scene.offers[0]);
      const declined = await eventually(
        () => api.get(`/v1/offers?requestId=${scene.requests[0]}&status=declined`, { token: t.auditor }),
        (answer) => answer.body.items?.length === 1,
      );
      expect(declined.body.items[0]).toMatchObject({ id: scene.offers[0][1], organizationId: OTHER_ORG });
      const first = await api.get(`/v1/offers?organizationId=${OTHER_ORG}&limit=1`, { token: t.officer });
      expect(first.body.items).toHaveLength(1);
      const second = await api.get(
        `/v1/offers?organizationId=${OTHER_ORG}&limit=1&cursor=${first.body.nextCursor}`,
        { token: t.officer },
      );
      expect(second.body.items.map((o: { id: string }) => o.id)).toEqual([scene.offers[1][1]]);
      expect(second.body.nextCursor).toBeNull();
      expect((await api.get('/v1/offers?status=maybe', { token: t.officer })).status).toBe(400);
      expect((await api.get('/v1/offers?cursor=nonsense', { token: t.officer })).status).toBe(400);
      expect((await api.get('/v1/offers', { token: t.admin })).status).toBe(403);
    });
  });

  describe('GET /v1/matches', () => {
    it('lists matches as GET /v1/matches/{id} shows them; an NGO sees only its own', async () => {
      const listed = await eventually(
        () => api.get(`/v1/matches?requestId=${scene.requests[0]}`, { token: t.officer }),
        (answer) => answer.body.items?.[0]?.revision === 1,
      );
      const one = await api.get(`/v1/matches/${scene.matchId}`, { token: t.officer });
      expect(listed.body).toEqual({ items: [one.body], nextCursor: null });
      expect((await api.get('/v1/matches?status=active', { token: t.ngo })).body.items).toHaveLength(1);
      expect((await api.get('/v1/matches', { token: t.otherNgo })).body.items).toEqual([]);
      expect((await api.get('/v1/matches?status=completed', { token: t.auditor })).body.items).toEqual([]);
      expect((await api.get('/v1/matches?status=over', { token: t.officer })).status).toBe(400);
      expect((await api.get('/v1/matches', { token: t.witness })).status).toBe(403);
    });
  });

  describe('GET /v1/approvals', () => {
    it('shows a waiting tranche to every officer but the one who requested it, until it is approved', async () => {
      const held = await api.post(
        `/v1/matches/${scene.matchId}/disbursements`,
        { amount: usd('150000.00'), reference: 'PAY-HELD' },
        { token: t.officer },
      );
      expect(held.body.status).toBe('pending_approval');
      const queue = await eventually(
        () => api.get('/v1/approvals', { token: t.officer2 }),
        (answer) => answer.body.items?.length === 1,
      );
      expect(queue.body).toEqual({
        items: [
          {
            matchId: scene.matchId,
            disbursementId: held.body.id,
            amount: usd('150000.00'),
            reference: 'PAY-HELD',
            requestedBy: 'officer-1',
            requestedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
            organizationId: ORG,
          },
        ],
        nextCursor: null,
      });
      expect((await api.get('/v1/approvals', { token: t.officer })).body.items).toEqual([]);
      expect((await api.get('/v1/approvals', { token: t.auditor })).status).toBe(403);
      expect((await api.get('/v1/approvals', { token: t.ngo })).status).toBe(403);
      const approved = await api.post(
        `/v1/matches/${scene.matchId}/disbursements/${held.body.id}/approval`,
        {},
        { token: t.officer2 },
      );
      expect(approved.status).toBe(200);
      const emptied = await eventually(
        () => api.get('/v1/approvals', { token: t.officer2 }),
        (answer) => answer.body.items?.length === 0,
      );
      expect(emptied.body.items).toEqual([]);
    });
  });

  describe('GET /v1/cooperation-metrics', () => {
    it('counts requests, offers and matches, sums money per currency and times each step', async () => {
      const metrics = await eventually(
        () => api.get('/v1/cooperation-metrics?country=KE', { token: t.auditor }),
        (answer) => answer.body.secondsToFirstDisbursement?.count === 1,
      );
      expect(metrics.status).toBe(200);
      expect(metrics.body).toMatchObject({
        requests: 2,
        offers: 4,
        matches: 1,
        committed: [usd('250000.00')],
        disbursed: [usd('150000.00')],
        secondsToFirstOffer: { count: 2 },
        secondsToMatch: { count: 1 },
        secondsToFirstDisbursement: { count: 1 },
        secondsToConfirmedReceipt: { count: 0, median: null, p90: null },
      });
      const { median, p90 } = metrics.body.secondsToFirstOffer;
      expect(median).toBeGreaterThanOrEqual(0);
      expect(p90).toBeGreaterThanOrEqual(median);
      expect(metrics.body.secondsToMatch.median).toBeGreaterThanOrEqual(median);
    });

    it('filters by track and country; an empty selection has empty timings', async () => {
      const track = await api.get('/v1/cooperation-metrics?track=3&country=KE', { token: t.officer });
      expect(track.body).toMatchObject({ requests: 2 });
      const none = await api.get('/v1/cooperation-metrics?track=9&country=KE', { token: t.officer });
      expect(none.body).toEqual({
        requests: 0,
        offers: 0,
        matches: 0,
        committed: [],
        disbursed: [],
        secondsToFirstOffer: { count: 0, median: null, p90: null },
        secondsToMatch: { count: 0, median: null, p90: null },
        secondsToFirstDisbursement: { count: 0, median: null, p90: null },
        secondsToConfirmedReceipt: { count: 0, median: null, p90: null },
      });
      expect((await api.get('/v1/cooperation-metrics?track=10', { token: t.officer })).status).toBe(400);
      expect((await api.get('/v1/cooperation-metrics?country=XX', { token: t.officer })).status).toBe(400);
      expect((await api.get('/v1/cooperation-metrics', { token: t.ngo })).status).toBe(403);
    });
  });
});
