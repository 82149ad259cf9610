import {
  authorizationMatrix,
  clientOf,
  fundingScene,
  ORG,
  startCoordinationApp,
  tokens,
  validOffer,
  validRequest,
  type CoordinationApp,
  type MatrixTarget,
  type RouteCase,
  type Scene,
} from './support';

// Each file boots the API on a fresh database with its projectors: slower than a unit spec.
jest.setTimeout(60_000);

/** Every route of organisations, help requests and offers, with the callers API.md lets through. */
export const coordinationRoutes: RouteCase<Scene>[] = [
  {
    method: 'POST',
    path: () => '/v1/organizations',
    body: () => ({ id: 'IE-CRO-1', name: 'x', country: 'IE', tracks: [1], contactEmail: 'a@b.ie' }),
    allowed: ['admin', 'officer'],
  },
  {
    method: 'POST',
    path: () => `/v1/organizations/${ORG}/vetting`,
    body: () => ({ decision: 'approved', note: 'n' }),
    allowed: ['officer'],
  },
  {
    method: 'POST',
    path: () => `/v1/organizations/${ORG}/suspension`,
    body: () => ({ reason: 'r' }),
    allowed: ['officer'],
  },
  {
    method: 'POST',
    path: () => `/v1/organizations/${ORG}/reinstatement`,
    body: () => ({ reason: 'r' }),
    allowed: ['officer'],
  },
  {
    method: 'POST',
    path: () => '/v1/organizations/IE-CRO-1/erasure',
    body: () => ({ reason: 'r' }),
    allowed: ['admin'],
  },
  {
    method: 'GET',
    path: () => '/v1/organizations',
    allowed: ['officer', 'admin', 'auditor', 'witness', 'ngoOwner', 'ngoOther'],
  },
  {
    method: 'GET',
    path: () => `/v1/organizations/${ORG}`,
    allowed: ['officer', 'admin', 'auditor', 'witness', 'ngoOwner', 'ngoOther'],
  },
  { method: 'POST', path: () => '/v1/requests', body: validRequest, allowed: ['officer'] },
  {
    method: 'PATCH',
    path: (s) => `/v1/requests/${s.requestId}`,
    body: () => ({ title: 'Amended' }),
    allowed: ['officer'],
  },
  {
    method: 'GET',
    path: () => '/v1/requests',
    allowed: ['officer', 'admin', 'auditor', 'witness', 'ngoOwner', 'ngoOther'],
  },
  {
    method: 'GET',
    path: (s) => `/v1/requests/${s.requestId}`,
    allowed: ['officer', 'admin', 'auditor', 'witness', 'ngoOwner', 'ngoOther'],
  },
  { method: 'GET', path: (s) => `/v1/requests/${s.requestId}/match-suggestions`, allowed: ['officer'] },
  {
    method: 'GET',
    path: (s) => `/v1/requests/${s.requestId}/offers`,
    allowed: ['officer', 'auditor', 'ngoOwner', 'ngoOther'],
  },
  { method: 'GET', path: (s) => `/v1/offers/${s.offerId}`, allowed: ['officer', 'auditor', 'ngoOwner'] },
  { method: 'GET', path: () => '/v1/offers', allowed: ['officer', 'auditor', 'ngoOwner', 'ngoOther'] },
  { method: 'GET', path: () => '/v1/matches', allowed: ['officer', 'auditor', 'ngoOwner', 'ngoOther'] },
  { method: 'GET', path: () => '/v1/approvals', allowed: ['officer'] },
  { method: 'GET', path: () => '/v1/cooperation-metrics', allowed: ['officer', 'auditor'] },
  {
    method: 'POST',
    path: (s) => `/v1/requests/${s.requestId}/offers`,
    body: validOffer,
    allowed: ['ngoOwner', 'ngoOther'],
  },
  {
    method: 'PATCH',
    path: (s) => `/v1/offers/${s.offerId}`,
    body: () => ({ summary: 'Revised' }),
    allowed: ['ngoOwner'],
  },
  {
    method: 'POST',
    path: (s) => `/v1/offers/${s.offerId}/withdrawal`,
    body: () => ({ reason: 'r' }),
    allowed: ['ngoOwner'],
  },
  // Last: it ends the request's life.
  {
    method: 'POST',
    path: (s) => `/v1/requests/${s.requestId}/cancellation`,
    body: () => ({ reason: 'r' }),
    allowed: ['officer'],
  },
  {
    method: 'POST',
    path: (s) => `/v1/requests/${s.requestId}/closure`,
    body: () => ({}),
    allowed: ['officer'],
  },
];

describe('authorization of organisations, help requests and offers', () => {
  let app: CoordinationApp;
  let target: MatrixTarget<Scene>;

  beforeAll(async () => {
    app = await startCoordinationApp('pglite');
    const api = clientOf(app.url);
    const t = await tokens();
    target = { api, tokens: t, fixtures: await fundingScene(api, t) };
    // Reads below must find the entities: let the projection catch up first.
    await api.get(`/v1/offers/${target.fixtures.offerId}?minRevision=0`, { token: t.officer });
    await api.get(`/v1/requests/${target.fixtures.requestId}?minRevision=1`, { token: t.officer });
  });
  afterAll(() => app?.close());

  authorizationMatrix(coordinationRoutes, () => target);
});
