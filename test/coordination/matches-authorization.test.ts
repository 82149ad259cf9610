import { authorizationMatrix, type RouteCase } from './support/authorization-matrix';
import { clientOf } from './support/client';
import { ORG, OTHER_ORG, tokens, usd, type Tokens } from './support/scenario';
import { openMatchesApi, type MatchesApi } from './matches-harness';

export interface MatchFixtures {
  requestId: string;
  offerId: string;
  matchId: string;
  /** Released at once: the matched NGO may confirm its receipt. */
  disbursedId: string;
  /** Waiting for a second officer (requested by someone other than the matrix's officer). */
  pendingId: string;
  /** An expenditure report by the matched NGO, not reviewed yet. */
  reportId: string;
}

/**
 * The matches rows of the authorization matrix (API.md "Matches and money"), in the API
 * engineer's `RouteCase` form so their runner can take them as they are.
 */
export const matchesAuthorizationRows: RouteCase<MatchFixtures>[] = [
  {
    method: 'POST',
    path: () => '/v1/matches',
    body: (f) => ({ requestId: f.requestId, offerId: f.offerId }),
    allowed: ['officer'],
  },
  {
    method: 'POST',
    path: (f) => `/v1/matches/${f.matchId}/commitments`,
    body: () => ({ amount: usd('1.00') }),
    allowed: ['officer'],
  },
  {
    method: 'POST',
    path: (f) => `/v1/matches/${f.matchId}/disbursements`,
    body: () => ({ amount: usd('1.00'), reference: 'PAY-M' }),
    allowed: ['officer'],
  },
  {
    method: 'POST',
    path: (f) => `/v1/matches/${f.matchId}/disbursements/${f.pendingId}/approval`,
    allowed: ['officer'],
  },
  {
    method: 'POST',
    path: (f) => `/v1/matches/${f.matchId}/disbursements/${f.disbursedId}/receipt`,
    body: () => ({ amount: usd('10.00'), receivedOn: '2030-01-02' }),
    allowed: ['ngoOwner'],
  },
  {
    method: 'POST',
    path: (f) => `/v1/matches/${f.matchId}/expenditure-reports`,
    body: () => ({
      amount: usd('1.00'),
      description: 'Venue',
      period: { from: '2030-01-01', to: '2030-01-31' },
    }),
    allowed: ['ngoOwner'],
  },
  {
    method: 'POST',
    path: (f) => `/v1/matches/${f.matchId}/decommitments`,
    body: () => ({ amount: usd('1.00'), reason: 'r' }),
    allowed: ['officer'],
  },
  {
    method: 'POST',
    path: (f) => `/v1/matches/${f.matchId}/disbursements/${f.disbursedId}/reversal`,
    body: () => ({ reason: 'r' }),
    allowed: ['officer'],
  },
  {
    method: 'GET',
    path: (f) => `/v1/matches/${f.matchId}?minRevision=4`,
    allowed: ['officer', 'auditor', 'ngoOwner'],
  },
  // Budget lines and reviewed reports (API.md, second wave).
  {
    method: 'PUT',
    path: (f) => `/v1/matches/${f.matchId}/budget`,
    body: () => ({ lines: [{ code: 'STAFF', description: 'Facilitators', amount: usd('100.00') }] }),
    allowed: ['officer'],
  },
  {
    method: 'POST',
    path: (f) => `/v1/matches/${f.matchId}/expenditure-reports/${f.reportId}/review`,
    body: () => ({ decision: 'accepted', note: 'receipts checked' }),
    allowed: ['officer'],
  },
  {
    method: 'GET',
    path: (f) => `/v1/matches/${f.matchId}/budget-vs-actual`,
    allowed: ['officer', 'auditor', 'ngoOwner'],
  },
  // Last: they end the match's life (both refused while a tranche waits for approval).
  {
    method: 'POST',
    path: (f) => `/v1/matches/${f.matchId}/completion`,
    body: () => ({}),
    allowed: ['officer'],
  },
  {
    method: 'POST',
    path: (f) => `/v1/matches/${f.matchId}/cancellation`,
    body: () => ({ reason: 'r' }),
    allowed: ['officer'],
  },
];

describe('matches: who may call what', () => {
  let api: MatchesApi;
  let t: Tokens;
  let fixtures: MatchFixtures;

  beforeAll(async () => {
    api = await openMatchesApi('pglite');
    t = await tokens();
    await api.given.vettedOrganization(ORG);
    await api.given.vettedOrganization(OTHER_ORG);
    const requestId = await api.given.request(usd('300000.00'));
    const offerId = await api.given.offer(requestId, ORG, usd('300000.00'));
    const matchId = (
      await api.call('POST', '/v1/matches', { token: t.officer, body: { requestId, offerId } })
    ).body.id;
    await api.call('POST', `/v1/matches/${matchId}/commitments`, {
      token: t.officer,
      body: { amount: usd('300000.00') },
    });
    const tranche = (token: string, amount: string) =>
      api.call('POST', `/v1/matches/${matchId}/disbursements`, {
        token,
        body: { amount: usd(amount), reference: 'P' },
      });
    const disbursedId = (await tranche(t.officer, '10.00')).body.id;
    const pendingId = (await tranche(t.officer2, '150000.00')).body.id;
    // A second request, still open, for the match row.
    const openRequest = await api.given.request(usd('1000.00'));
    const openOffer = await api.given.offer(openRequest, ORG, usd('1000.00'));
    const reportId = (
      await api.call('POST', `/v1/matches/${matchId}/expenditure-reports`, {
        token: t.ngo,
        body: { amount: usd('5.00'), description: 'Venue', period: { from: '2030-01-01', to: '2030-01-31' } },
      })
    ).body.reportId;
    fixtures = { requestId: openRequest, offerId: openOffer, matchId, disbursedId, pendingId, reportId };
  }, 30_000);
  afterAll(() => api?.close());

  authorizationMatrix(matchesAuthorizationRows, () => ({ api: clientOf(api.url), tokens: t, fixtures }));
});
