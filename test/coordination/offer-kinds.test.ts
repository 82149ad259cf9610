import {
  clientOf,
  fundingScene,
  startCoordinationApp,
  suggestionsReadable,
  tokens,
  validOffer,
  type Client,
  type CoordinationApp,
  type Tokens,
  usd,
} from './support';

jest.setTimeout(60_000);

/**
 * Offers that are not money (API.md second wave, decision 0185): `kind` on offers and matches,
 * `amount` optional for `in-kind` and `expertise`, suggestions that say which kind they judged,
 * and commitments on such a match that still share the request's budget.
 */
describe.each(['pglite', 'postgres'] as const)('offer kinds on %s', (kind) => {
  let app: CoordinationApp;
  let api: Client;
  let t: Tokens;

  beforeAll(async () => {
    app = await startCoordinationApp(kind);
    api = clientOf(app.url);
    t = await tokens();
  });
  afterAll(() => app?.close());

  const { amount: _, ...withoutAmount } = validOffer();

  it('takes an in-kind offer without an amount and shows its kind; a funding offer still needs one', async () => {
    const { requestId, offerId } = await fundingScene(api, t);
    const inKind = await api.post(
      `/v1/requests/${requestId}/offers`,
      { ...withoutAmount, kind: 'in-kind' },
      { token: t.otherNgo },
    );
    expect(inKind.status).toBe(201);
    const read = await api.get(`/v1/offers/${inKind.body.id}?minRevision=0`, { token: t.otherNgo });
    expect(read.body).toMatchObject({ kind: 'in-kind', status: 'submitted' });
    expect(read.body.amount).toBeUndefined();
    const funding = await api.get(`/v1/offers/${offerId}?minRevision=0`, { token: t.ngo });
    expect(funding.body).toMatchObject({ kind: 'funding', amount: validOffer().amount });
    const noAmount = await api.post(`/v1/requests/${requestId}/offers`, withoutAmount, { token: t.ngo });
    expect(noAmount).toMatchObject({ status: 422, body: { rule: 'offer.amount-required' } });
    const badKind = await api.post(
      `/v1/requests/${requestId}/offers`,
      { ...validOffer(), kind: 'favours' },
      { token: t.ngo },
    );
    expect(badKind.status).toBe(400);
    const listed = await api.get(`/v1/offers?requestId=${requestId}&kind=in-kind`, { token: t.officer });
    expect(listed.body.items.map((o: { id: string }) => o.id)).toEqual([inKind.body.id]);
    expect((await api.get('/v1/offers?kind=money', { token: t.officer })).status).toBe(400);
  });

  it('says in its suggestions that an expertise offer asks nothing of the budget', async () => {
    const { requestId, offerId } = await fundingScene(api, t);
    const expertise = await api.post(
      `/v1/requests/${requestId}/offers`,
      { ...withoutAmount, kind: 'expertise' },
      { token: t.otherNgo },
    );
    await suggestionsReadable(api, t, requestId, [offerId, expertise.body.id]);
    const suggestions = await api.get(`/v1/requests/${requestId}/match-suggestions`, { token: t.officer });
    const suggestion = suggestions.body.items.find(
      (s: { offerId: string }) => s.offerId === expertise.body.id,
    );
    expect(suggestion.reasons).toContain('offers expertise, not money: nothing asked of the budget');
  });

  it('matches an in-kind offer; the match shows its kind and may still take commitments', async () => {
    const { requestId } = await fundingScene(api, t);
    const inKind = await api.post(
      `/v1/requests/${requestId}/offers`,
      { ...validOffer(), kind: 'in-kind', amount: usd('5000.00') },
      { token: t.otherNgo },
    );
    const made = await api.post('/v1/matches', { requestId, offerId: inKind.body.id }, { token: t.officer });
    expect(made.status).toBe(201);
    const committed = await api.post(
      `/v1/matches/${made.body.id}/commitments`,
      { amount: usd('2000.00') },
      { token: t.officer },
    );
    expect(committed.status).toBe(201);
    const match = await api.get(`/v1/matches/${made.body.id}?minRevision=1`, { token: t.auditor });
    expect(match.body).toMatchObject({ kind: 'in-kind', committed: usd('2000.00') });
    const listed = await api.get(`/v1/matches?requestId=${requestId}`, { token: t.officer });
    expect(listed.body.items[0]).toMatchObject({ kind: 'in-kind' });
  });
});
