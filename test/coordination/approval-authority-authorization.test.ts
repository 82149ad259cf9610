import { authorizationMatrix, type RouteCase } from './support/authorization-matrix';
import { clientOf, type Client } from './support/client';
import { startCoordinationApp, type CoordinationApp } from './support/coordination-app';
import { tokenFor } from './support/tokens';
import { tokens, usd, type Tokens } from './support/scenario';

jest.setTimeout(120_000);

/**
 * The rows of "Approval authority (who may release money)" in the authorization matrix: who may
 * call each route, and that everyone else gets 401/403 (never a 2xx, never a 5xx). The matrix's
 * officer is `officer-1`: the delegation route is its own, as the contract's "that officer" says.
 */
const rows: RouteCase<Record<string, never>>[] = [
  {
    method: 'PUT',
    path: () => '/v1/approval-authorities/officer-9',
    body: () => ({ limit: usd('1000.00') }),
    allowed: ['admin'],
  },
  {
    method: 'DELETE',
    path: () => '/v1/approval-authorities/officer-9?currency=USD',
    allowed: ['admin'],
  },
  {
    method: 'POST',
    path: () => '/v1/approval-authorities/officer-1/delegations',
    body: () => ({ to: 'officer-2', until: '2099-12-31' }),
    allowed: ['officer'],
  },
  { method: 'GET', path: () => '/v1/approval-authorities', allowed: ['officer', 'admin', 'auditor'] },
];

describe.each(['pglite', 'postgres'] as const)('approval authority authorization matrix on %s', (kind) => {
  let app: CoordinationApp;
  let api: Client;
  let t: Tokens;

  beforeAll(async () => {
    app = await startCoordinationApp(kind);
    api = clientOf(app.url);
    t = await tokens();
  });
  afterAll(() => app?.close());

  authorizationMatrix(rows, () => ({ api, tokens: t, fixtures: {} }));

  it('refuses an officer delegating another officer’s authority (403), however it spells its own name', async () => {
    const answer = await api.post(
      '/v1/approval-authorities/officer-2/delegations',
      { to: 'officer-3', until: '2099-12-31' },
      { token: t.officer },
    );
    expect(answer.status).toBe(403);
    const same = await api.post(
      '/v1/approval-authorities/OFFICER-1/delegations',
      { to: 'officer-3', until: '2099-12-31' },
      { token: await tokenFor('officer-1', ['officer']) },
    );
    expect({ status: same.status, rule: same.body.rule }).toEqual({
      status: 422,
      rule: 'approval-authority.nothing-to-delegate',
    });
  });
});
