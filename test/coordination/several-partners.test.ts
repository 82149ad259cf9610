import { reconcile } from '../../apps/audit-api/src/reconciliation/reconcile';
import {
  clientOf,
  ORG,
  OTHER_ORG,
  startCoordinationApp,
  streamOf,
  tokenFor,
  tokens,
  validOffer,
  validRequest,
  vettedOrganization,
  type Client,
  type CoordinationApp,
  type Tokens,
  usd,
} from './support';

jest.setTimeout(120_000);

const THIRD_ORG = 'KE-NCB-333';

/**
 * Several partners on one request (API.md second wave, decision 0182): `keepRequestOpen` leaves the
 * request open and its other offers waiting, `matchIds` lists every match, and the commitments of
 * all its matches together never exceed its budget, whatever the interleaving.
 */
describe.each(['pglite', 'postgres'] as const)('several partners on one request on %s', (kind) => {
  let app: CoordinationApp;
  let api: Client;
  let t: Tokens;
  let third: string;

  beforeAll(async () => {
    app = await startCoordinationApp(kind);
    api = clientOf(app.url);
    t = await tokens();
    third = await tokenFor(`user-of-${THIRD_ORG}`, ['ngo'], THIRD_ORG);
    for (const id of [ORG, OTHER_ORG, THIRD_ORG]) await vettedOrganization(api, t, id);
  });
  afterAll(() => app?.close());

  /** A request of `budget` with one offer from each of the three NGOs, matched to all three. */
  const threePartners = async (budget: string) => {
    const request = await api.post(
      '/v1/requests',
      { ...validRequest(), budget: usd(budget) },
      { token: t.officer },
    );
    const requestId = request.body.id as string;
    const offers: string[] = [];
    for (const token of [t.ngo, t.otherNgo, third]) {
      const offer = await api.post(`/v1/requests/${requestId}/offers`, validOffer(), { token });
      expect(offer.status).toBe(201);
      offers.push(offer.body.id);
    }
    const matches: string[] = [];
    for (const [index, offerId] of offers.entries()) {
      const keepRequestOpen = index < offers.length - 1;
      const made = await api.post(
        '/v1/matches',
        { requestId, offerId, keepRequestOpen },
        { token: t.officer },
      );
      expect(made.status).toBe(201);
      matches.push(made.body.id);
    }
    return { requestId, offers, matches };
  };

  it('keeps the request open for more partners and lists every match, oldest first', async () => {
    const request = await api.post('/v1/requests', validRequest(), { token: t.officer });
    const requestId = request.body.id as string;
    const first = await api.post(`/v1/requests/${requestId}/offers`, validOffer(), { token: t.ngo });
    const second = await api.post(`/v1/requests/${requestId}/offers`, validOffer(), { token: t.otherNgo });
    const made = await api.post(
      '/v1/matches',
      { requestId, offerId: first.body.id, keepRequestOpen: true },
      { token: t.officer },
    );
    expect(made.status).toBe(201);
    const open = await api.get(`/v1/requests/${requestId}?minRevision=3`, { token: t.ngo });
    expect(open.body).toMatchObject({ status: 'open', matchIds: [made.body.id] });
    const waiting = await api.get(`/v1/offers/${second.body.id}?minRevision=0`, { token: t.otherNgo });
    expect(waiting.body.status).toBe('submitted');
    // the last partner, without keepRequestOpen: the request is matched as before
    const last = await api.post('/v1/matches', { requestId, offerId: second.body.id }, { token: t.officer });
    expect(last.status).toBe(201);
    const matched = await api.get(`/v1/requests/${requestId}?minRevision=4`, { token: t.auditor });
    expect(matched.body).toMatchObject({ status: 'matched', matchIds: [made.body.id, last.body.id] });
    const late = await api.post(`/v1/requests/${requestId}/offers`, validOffer(), { token: third });
    expect(late).toMatchObject({ status: 422, body: { rule: 'request.not-open' } });
    expect(
      (
        await api.post(
          '/v1/matches',
          { requestId, offerId: first.body.id, keepRequestOpen: 'yes' },
          { token: t.officer },
        )
      ).status,
    ).toBe(400);
  });

  it('shares the budget: the matches together never commit more than it, and a decommitment frees it', async () => {
    const { requestId, matches } = await threePartners('1000.00');
    const commit = (matchId: string, amount: string) =>
      api.post(`/v1/matches/${matchId}/commitments`, { amount: usd(amount) }, { token: t.officer });
    expect((await commit(matches[0], '600.00')).status).toBe(201);
    expect((await commit(matches[1], '400.00')).status).toBe(201);
    const over = await commit(matches[2], '0.01');
    expect(over).toMatchObject({ status: 422, body: { rule: 'match.over-committed' } });
    const freed = await api.post(
      `/v1/matches/${matches[0]}/decommitments`,
      { amount: usd('100.00'), reason: 'partner 3 takes it' },
      { token: t.officer },
    );
    expect(freed.status).toBe(201);
    expect((await commit(matches[2], '100.00')).status).toBe(201);
    expect((await streamOf(app.store, `request-${requestId}`)).map((e) => e.type).slice(-5)).toEqual([
      'RequestMatched',
      'BudgetReserved',
      'BudgetReserved',
      'BudgetReleased',
      'BudgetReserved',
    ]);
    // Each write touched both streams or neither: the release beside its decommitment, and the
    // refused 0.01 on neither the request nor its match.
    const moneyOn = async (matchId: string) =>
      (await streamOf(app.store, `match-${matchId}`))
        .map((event) => event.type)
        .filter((type) => type === 'FundsCommitted' || type === 'FundsDecommitted');
    expect(await moneyOn(matches[0])).toEqual(['FundsCommitted', 'FundsDecommitted']);
    expect(await moneyOn(matches[2])).toEqual(['FundsCommitted']);
  });

  it('holds under 40 concurrent commitments over 3 matches of one request: total ≤ budget, no 5xx', async () => {
    const { requestId, matches } = await threePartners('1000.00');
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        api.post(`/v1/matches/${matches[i % 3]}/commitments`, { amount: usd('70.00') }, { token: t.officer }),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    expect(statuses.every((status) => [201, 409, 422].includes(status))).toBe(true);
    const accepted = statuses.filter((status) => status === 201).length;
    // 14 × 70 = 980 ≤ 1000 < 15 × 70: exactly 14 fit, whoever wins the races
    expect(accepted).toBeLessThanOrEqual(14);
    expect(statuses.filter((status) => status === 422).length).toBeGreaterThanOrEqual(26);
    const committedOnMatches = (
      await Promise.all(matches.map((matchId) => streamOf(app.store, `match-${matchId}`)))
    )
      .flat()
      .filter((event) => event.type === 'FundsCommitted').length;
    const reserved = (await streamOf(app.store, `request-${requestId}`)).filter(
      (event) => event.type === 'BudgetReserved',
    ).length;
    expect(committedOnMatches).toBe(accepted);
    expect(reserved).toBe(accepted);
    expect(committedOnMatches * 70).toBeLessThanOrEqual(1000);
  });

  it('leaves the read models and the money invariants consistent with the log', async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const reconciliation = await reconcile(app.store, app.db);
    expect(reconciliation.differences).toEqual([]);
  });
});
