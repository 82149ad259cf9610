/* eslint-disable @typescript-eslint/no-explicit-any -- the OpenAPI document and answers are untyped JSON */
import {
  bodyValidator,
  contractRoutes,
  expectRouteDocumented,
  problemStatusesOf,
  readApiContract,
} from '../openapi/api-contract';
import {
  clientOf,
  startCoordinationApp,
  tokens,
  validOffer,
  validRequest,
  vettedOrganization,
  ORG,
  OTHER_ORG,
  organization,
  type Answer,
  type CoordinationApp,
  type Tokens,
} from './support';

const coordinationSections = ['Organisations', 'Help requests', 'Offers', 'Matches and money', 'Health'];

describe("the coordination API's OpenAPI document (PGlite)", () => {
  let app: CoordinationApp;
  let doc: any;
  let t: Tokens;
  const contract = contractRoutes(readApiContract()).filter((route) =>
    coordinationSections.includes(route.section),
  );

  beforeAll(async () => {
    app = await startCoordinationApp('pglite');
    doc = await (await fetch(`${app.url}/docs-json`)).json();
    t = await tokens();
  });
  afterAll(() => app?.close());

  it('lists every route of API.md with its method, its roles, a JSON success answer and its problem answers', () => {
    expect(contract.filter((route) => route.section !== 'Health')).toHaveLength(23);
    for (const route of contract.filter((r) => r.roles !== null)) {
      const { operation, success } = expectRouteDocumented(doc, route);
      expect({ route: route.key, success }).toEqual({
        route: route.key,
        success: route.key.startsWith('GET') ? '200' : expect.stringMatching(/^20[01]$/),
      });
      // Writes: retries exhausted, oversized bodies and broken business rules.
      if (!route.key.startsWith('GET'))
        expect({ route: route.key, problems: problemStatusesOf(doc, operation) }).toEqual({
          route: route.key,
          problems: expect.arrayContaining(['409', '413', '422']),
        });
    }
    for (const route of contract.filter((r) => r.roles === null)) expectRouteDocumented(doc, route);
  });

  it('leaves out /metrics, which is for Prometheus and not part of the contract, and keeps the health probes', () => {
    expect(Object.keys(doc.paths).filter((path) => path.startsWith('/metrics'))).toEqual([]);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/health/live', '/health/ready']));
  });

  it('answers every route of API.md, through one funding story, with bodies the document describes, every field named', async () => {
    const api = clientOf(app.url);
    const validate = bodyValidator(doc);
    const sent = new Set<string>();
    const documented = async (key: string, answer: Promise<Answer>, status: number): Promise<any> => {
      const { status: got, contentType, body } = await answer;
      expect({ key, status: got, ...(got === status ? {} : { body }) }).toEqual({ key, status });
      expect(contentType).toMatch(/^application\/json/);
      const invalid = validate(key, got, body);
      expect({ key, invalid, ...(invalid ? { body } : {}) }).toEqual({ key, invalid: undefined });
      sent.add(key);
      return body;
    };
    const as = (token: string) => ({ token });

    // Organisations: registered, vetted, suspended, reinstated, erased.
    await documented(
      'POST /v1/organizations',
      api.post('/v1/organizations', organization(ORG), as(t.admin)),
      201,
    );
    await documented(
      'POST /v1/organizations/{id}/vetting',
      api.post(`/v1/organizations/${ORG}/vetting`, { decision: 'approved', note: 'checked' }, as(t.officer)),
      200,
    );
    await vettedOrganization(api, t, OTHER_ORG);
    await documented(
      'POST /v1/organizations/{id}/suspension',
      api.post(`/v1/organizations/${OTHER_ORG}/suspension`, { reason: 'audit pending' }, as(t.officer)),
      200,
    );
    const erased = await documented(
      'POST /v1/organizations/{id}/erasure',
      api.post(`/v1/organizations/${OTHER_ORG}/erasure`, { reason: 'asked to' }, as(t.admin)),
      200,
    );
    const other = await documented(
      'GET /v1/organizations/{id}',
      api.get(`/v1/organizations/${OTHER_ORG}?minRevision=${erased.revision}`, as(t.auditor)),
      200,
    );
    expect(other).toMatchObject({ contactEmail: null, personalDataErased: true });
    await documented(
      'GET /v1/organizations/{id}',
      api.get(`/v1/organizations/${ORG}?minRevision=1`, as(t.ngo)),
      200,
    );
    await documented('GET /v1/organizations', api.get('/v1/organizations?limit=1', as(t.witness)), 200);

    // Requests: published, amended, one cancelled.
    const request = await documented(
      'POST /v1/requests',
      api.post('/v1/requests', validRequest(), as(t.officer)),
      201,
    );
    const amended = await documented(
      'PATCH /v1/requests/{id}',
      api.patch(`/v1/requests/${request.id}`, { title: 'Mediators, amended' }, as(t.officer)),
      200,
    );
    const spare = await documented(
      'POST /v1/requests',
      api.post('/v1/requests', validRequest(), as(t.officer)),
      201,
    );

    // Offers: one submitted, one withdrawn.
    const offer = await documented(
      'POST /v1/requests/{id}/offers',
      api.post(`/v1/requests/${request.id}/offers`, validOffer(), as(t.ngo)),
      201,
    );
    const withdrawn = await documented(
      'POST /v1/requests/{id}/offers',
      api.post(`/v1/requests/${spare.id}/offers`, validOffer(), as(t.ngo)),
      201,
    );
    await documented(
      'POST /v1/offers/{id}/withdrawal',
      api.post(`/v1/offers/${withdrawn.id}/withdrawal`, { reason: 'no longer available' }, as(t.ngo)),
      200,
    );
    await documented(
      'POST /v1/requests/{id}/cancellation',
      api.post(`/v1/requests/${spare.id}/cancellation`, { reason: 'covered elsewhere' }, as(t.officer)),
      200,
    );
    await documented(
      'GET /v1/requests/{id}',
      api.get(`/v1/requests/${request.id}?minRevision=${amended.revision + 1}`, as(t.auditor)),
      200,
    );
    await documented('GET /v1/requests', api.get('/v1/requests?limit=1', as(t.ngo)), 200);
    await documented(
      'GET /v1/offers/{id}',
      api.get(`/v1/offers/${offer.id}?minRevision=${offer.revision}`, as(t.ngo)),
      200,
    );
    await documented(
      'GET /v1/requests/{id}/offers',
      api.get(`/v1/requests/${request.id}/offers`, as(t.officer)),
      200,
    );
    await documented(
      'GET /v1/requests/{id}/match-suggestions',
      api.get(`/v1/requests/${request.id}/match-suggestions`, as(t.officer)),
      200,
    );

    // A match, its commitment, a tranche released and one waiting for a second officer, the receipt that differs, a report.
    const match = await documented(
      'POST /v1/matches',
      api.post('/v1/matches', { requestId: request.id, offerId: offer.id }, as(t.officer)),
      201,
    );
    const money = (amount: string) => ({ amount, currency: 'USD' });
    await documented(
      'POST /v1/matches/{id}/commitments',
      api.post(`/v1/matches/${match.id}/commitments`, { amount: money('120000.00') }, as(t.officer)),
      201,
    );
    const released = await documented(
      'POST /v1/matches/{id}/disbursements',
      api.post(
        `/v1/matches/${match.id}/disbursements`,
        { amount: money('50000.00'), reference: 'TR-1' },
        as(t.officer),
      ),
      201,
    );
    const waiting = await documented(
      'POST /v1/matches/{id}/disbursements',
      api.post(
        `/v1/matches/${match.id}/disbursements`,
        { amount: money('60000.00'), reference: 'TR-2' },
        as(t.officer),
      ),
      201,
    );
    expect([released.status, waiting.status]).toEqual(['disbursed', 'pending_approval']);
    await documented(
      'POST /v1/matches/{id}/disbursements/{disbursementId}/approval',
      api.post(`/v1/matches/${match.id}/disbursements/${waiting.id}/approval`, {}, as(t.officer2)),
      200,
    );
    await documented(
      'POST /v1/matches/{id}/disbursements/{disbursementId}/receipt',
      api.post(
        `/v1/matches/${match.id}/disbursements/${released.id}/receipt`,
        { amount: money('49990.00'), receivedOn: '2026-07-02' },
        as(t.ngo),
      ),
      200,
    );
    const report = await documented(
      'POST /v1/matches/{id}/expenditure-reports',
      api.post(
        `/v1/matches/${match.id}/expenditure-reports`,
        {
          amount: money('30000.00'),
          description: 'Venue and travel',
          period: { from: '2026-07-01', to: '2026-07-21' },
        },
        as(t.ngo),
      ),
      201,
    );
    const view = await documented(
      'GET /v1/matches/{id}',
      api.get(`/v1/matches/${match.id}?minRevision=${report.revision}`, as(t.ngo)),
      200,
    );
    expect(view.disbursements.find((d: any) => d.id === released.id).receipt.discrepancy).toEqual({
      expected: money('50000.00'),
      received: money('49990.00'),
    });

    const routes = contract.filter((route) => route.section !== 'Health').map((route) => route.key);
    expect([...sent].sort()).toEqual([...routes].sort());
  });
});
