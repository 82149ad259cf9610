import { reconcile } from '../../apps/audit-api/src/reconciliation/reconcile';
import {
  clientOf,
  fundedMatch,
  fundingScene,
  startCoordinationApp,
  streamOf,
  validOffer,
  type Client,
  type CoordinationApp,
  type Tokens,
  tokens,
  usd,
} from './support';

jest.setTimeout(60_000);

/**
 * The lifecycle routes of API.md "v1, second wave": an offer revised while it waits, a request
 * closed, committed money released (also on a dead match), a tranche reversed, a match completed
 * or cancelled. Each refusal is the domain's rule as a 422; the read models and the money
 * invariants (the audit's reconciliation) agree with the log after every new event type.
 */
describe.each(['pglite', 'postgres'] as const)('lifecycle routes on %s', (kind) => {
  let app: CoordinationApp;
  let api: Client;
  let t: Tokens;

  beforeAll(async () => {
    app = await startCoordinationApp(kind);
    api = clientOf(app.url);
    t = await tokens();
  });
  afterAll(() => app?.close());

  const types = async (streamId: string) => (await streamOf(app.store, streamId)).map((e) => e.type);

  /** A scene matched and funded: 120000 USD committed on a 300000 budget. */
  const funded = () => fundedMatch(api, t, '120000.00');
  // Every scene pays ORG: the four-eyes window is the organisation's across its matches (decision
  // 0211), so the tranches these tests release at once add up to less than the threshold.
  const disburse = async (matchId: string, amount: string, reference: string) => {
    const answer = await api.post(
      `/v1/matches/${matchId}/disbursements`,
      { amount: usd(amount), reference },
      { token: t.officer },
    );
    expect(answer.status).toBe(201);
    return answer.body as { id: string; status: string; revision: number };
  };
  const matchAt = async (matchId: string, revision: number) =>
    (await api.get(`/v1/matches/${matchId}?minRevision=${revision}`, { token: t.auditor })).body;

  describe('PATCH /v1/offers/{id}', () => {
    it('revises a submitted offer, honours If-Match, and hides it from other NGOs', async () => {
      const { offerId, offerRevision } = await fundingScene(api, t);
      const stale = await api.patch(
        `/v1/offers/${offerId}`,
        { summary: 'x' },
        { token: t.ngo, headers: { 'if-match': `"${offerRevision + 5}"` } },
      );
      expect(stale.status).toBe(412);
      const revised = await api.patch(
        `/v1/offers/${offerId}`,
        { amount: usd('110000.00'), endDate: '2026-07-28' },
        { token: t.ngo, headers: { 'if-match': `"${offerRevision}"` } },
      );
      expect(revised).toMatchObject({ status: 200, body: { id: offerId, revision: offerRevision + 1 } });
      const read = await api.get(`/v1/offers/${offerId}?minRevision=${offerRevision + 1}`, { token: t.ngo });
      expect(read.body).toMatchObject({ amount: usd('110000.00'), endDate: '2026-07-28' });
      expect((await api.patch(`/v1/offers/${offerId}`, { summary: 'x' }, { token: t.otherNgo })).status).toBe(
        404,
      );
      expect((await api.patch(`/v1/offers/${offerId}`, { summary: 'x' }, { token: t.officer })).status).toBe(
        403,
      );
    });

    it('refuses an empty revision, a period that ends first, and a revision once accepted', async () => {
      const { requestId, offerId } = await fundingScene(api, t);
      const empty = await api.patch(`/v1/offers/${offerId}`, {}, { token: t.ngo });
      expect(empty).toMatchObject({ status: 422, body: { rule: 'offer.nothing-to-revise' } });
      const backwards = await api.patch(`/v1/offers/${offerId}`, { endDate: '2026-06-01' }, { token: t.ngo });
      expect(backwards).toMatchObject({ status: 422, body: { rule: 'offer.invalid-period' } });
      const unknown = await api.patch(`/v1/offers/${offerId}`, { status: 'accepted' }, { token: t.ngo });
      expect(unknown.status).toBe(400);
      await api.post('/v1/matches', { requestId, offerId }, { token: t.officer });
      const late = await api.patch(`/v1/offers/${offerId}`, { summary: 'x' }, { token: t.ngo });
      expect(late).toMatchObject({ status: 422, body: { rule: 'offer.not-submitted' } });
    });
  });

  describe('POST /v1/requests/{id}/closure', () => {
    it('closes an open request, which then takes no offers and no matches', async () => {
      const { requestId, offerId } = await fundingScene(api, t);
      expect((await api.post(`/v1/requests/${requestId}/closure`, {}, { token: t.ngo })).status).toBe(403);
      const closed = await api.post(
        `/v1/requests/${requestId}/closure`,
        { reason: 'covered by another programme' },
        { token: t.officer },
      );
      expect(closed).toMatchObject({ status: 200, body: { id: requestId } });
      const read = await api.get(`/v1/requests/${requestId}?minRevision=${closed.body.revision}`, {
        token: t.ngo,
      });
      expect(read.body.status).toBe('closed');
      const offer = await api.post(`/v1/requests/${requestId}/offers`, validOffer(), { token: t.otherNgo });
      expect(offer).toMatchObject({ status: 422, body: { rule: 'request.not-open' } });
      const match = await api.post('/v1/matches', { requestId, offerId }, { token: t.officer });
      expect(match).toMatchObject({ status: 422, body: { rule: 'request.not-open' } });
      const again = await api.post(`/v1/requests/${requestId}/closure`, {}, { token: t.officer });
      expect(again).toMatchObject({ status: 422, body: { rule: 'request.inactive' } });
    });

    it('closes a matched request; its match goes on', async () => {
      const { requestId, matchId } = await funded();
      const closed = await api.post(`/v1/requests/${requestId}/closure`, {}, { token: t.officer });
      expect(closed.status).toBe(200);
      const tranche = await disburse(matchId, '1000.00', 'PAY-AFTER-CLOSE');
      expect(tranche.status).toBe('disbursed');
    });
  });

  describe('money going back', () => {
    it('reverses a tranche without a receipt: it leaves disbursed and is shown reversed', async () => {
      const { matchId } = await funded();
      const tranche = await disburse(matchId, '20000.00', 'PAY-BOUNCED');
      const path = `/v1/matches/${matchId}/disbursements/${tranche.id}/reversal`;
      expect((await api.post(path, { reason: 'bank returned it' }, { token: t.ngo })).status).toBe(403);
      expect((await api.post(path, {}, { token: t.officer })).status).toBe(400);
      const reversed = await api.post(path, { reason: 'bank returned it' }, { token: t.officer });
      expect(reversed).toMatchObject({ status: 200, body: { id: tranche.id, matchId, status: 'reversed' } });
      const match = await matchAt(matchId, reversed.body.revision);
      expect(match).toMatchObject({ disbursed: usd('0.00'), committed: usd('120000.00') });
      expect(match.disbursements[0]).toMatchObject({ id: tranche.id, status: 'reversed' });
      const twice = await api.post(path, { reason: 'again' }, { token: t.officer });
      expect(twice).toMatchObject({ status: 422, body: { rule: 'disbursement.not-reversible' } });
      const missing = await api.post(
        `/v1/matches/${matchId}/disbursements/no-such/reversal`,
        { reason: 'x' },
        { token: t.officer },
      );
      expect(missing.status).toBe(404);
    });

    it('refuses to reverse a tranche whose receipt the NGO confirmed', async () => {
      const { matchId } = await funded();
      const tranche = await disburse(matchId, '20000.00', 'PAY-ARRIVED');
      const receipt = await api.post(
        `/v1/matches/${matchId}/disbursements/${tranche.id}/receipt`,
        { amount: usd('20000.00'), receivedOn: '2026-07-02' },
        { token: t.ngo },
      );
      expect(receipt.status).toBe(200);
      const reversal = await api.post(
        `/v1/matches/${matchId}/disbursements/${tranche.id}/reversal`,
        { reason: 'x' },
        { token: t.officer },
      );
      expect(reversal).toMatchObject({ status: 422, body: { rule: 'disbursement.not-reversible' } });
    });

    it('decommits down to disbursed + pending approval, never below', async () => {
      const { matchId } = await funded();
      await disburse(matchId, '30000.00', 'PAY-SMALL');
      const path = `/v1/matches/${matchId}/decommitments`;
      const below = await api.post(
        path,
        { amount: usd('90000.01'), reason: 'scaled down' },
        { token: t.officer },
      );
      expect(below).toMatchObject({ status: 422, body: { rule: 'match.under-committed' } });
      expect((await api.post(path, { amount: usd('1.00') }, { token: t.officer })).status).toBe(400);
      expect((await api.post(path, { amount: usd('1.00'), reason: 'x' }, { token: t.ngo })).status).toBe(403);
      const down = await api.post(
        path,
        { amount: usd('90000.00'), reason: 'scaled down' },
        { token: t.officer },
      );
      expect(down).toMatchObject({ status: 201, body: { id: matchId } });
      expect(await matchAt(matchId, down.body.revision)).toMatchObject({
        committed: usd('30000.00'),
        disbursed: usd('30000.00'),
      });
    });
  });

  describe('the end of a match', () => {
    it('cancels only once nothing is disbursed or pending, then releases the money of the dead match', async () => {
      const { matchId, requestId } = await funded();
      const tranche = await disburse(matchId, '25000.00', 'PAY-CANCELLED');
      const cancel = `/v1/matches/${matchId}/cancellation`;
      const early = await api.post(cancel, { reason: 'mission postponed' }, { token: t.officer });
      expect(early).toMatchObject({ status: 422, body: { rule: 'match.has-disbursements' } });
      await api.post(
        `/v1/matches/${matchId}/disbursements/${tranche.id}/reversal`,
        { reason: 'recalled' },
        { token: t.officer },
      );
      const cancelled = await api.post(cancel, { reason: 'mission postponed' }, { token: t.officer });
      expect(cancelled.status).toBe(200);
      expect((await matchAt(matchId, cancelled.body.revision)).status).toBe('cancelled');
      const commit = await api.post(
        `/v1/matches/${matchId}/commitments`,
        { amount: usd('1.00') },
        { token: t.officer },
      );
      expect(commit).toMatchObject({ status: 422, body: { rule: 'match.not-active' } });
      const tranche2 = await api.post(
        `/v1/matches/${matchId}/disbursements`,
        { amount: usd('1.00'), reference: 'PAY-LATE' },
        { token: t.officer },
      );
      expect(tranche2).toMatchObject({ status: 422, body: { rule: 'match.not-active' } });
      const released = await api.post(
        `/v1/matches/${matchId}/decommitments`,
        { amount: usd('120000.00'), reason: 'match cancelled' },
        { token: t.officer },
      );
      expect(released.status).toBe(201);
      expect((await matchAt(matchId, released.body.revision)).committed).toEqual(usd('0.00'));
      expect(await types(`match-${matchId}`)).toEqual([
        'MatchMade',
        'FundsCommitted',
        'DisbursementRequested',
        'FundsDisbursed',
        'DisbursementReversed',
        'MatchCancelled',
        'FundsDecommitted',
      ]);
      expect(requestId).toBeDefined();
    });

    it('completes once no tranche waits for approval; afterwards reports only', async () => {
      const { matchId } = await funded();
      const held = await disburse(matchId, '100000.01', 'PAY-LARGE');
      expect(held.status).toBe('pending_approval');
      const complete = `/v1/matches/${matchId}/completion`;
      const early = await api.post(complete, {}, { token: t.officer });
      expect(early).toMatchObject({ status: 422, body: { rule: 'match.pending-disbursements' } });
      const cancelEarly = await api.post(
        `/v1/matches/${matchId}/cancellation`,
        { reason: 'x' },
        { token: t.officer },
      );
      expect(cancelEarly).toMatchObject({ status: 422, body: { rule: 'match.pending-disbursements' } });
      const approved = await api.post(
        `/v1/matches/${matchId}/disbursements/${held.id}/approval`,
        {},
        { token: t.officer2 },
      );
      expect(approved.status).toBe(200);
      const completed = await api.post(complete, { note: 'final report due' }, { token: t.officer });
      expect(completed.status).toBe(200);
      expect((await matchAt(matchId, completed.body.revision)).status).toBe('completed');
      const tranche = await api.post(
        `/v1/matches/${matchId}/disbursements`,
        { amount: usd('1.00'), reference: 'PAY-LATE' },
        { token: t.officer },
      );
      expect(tranche).toMatchObject({ status: 422, body: { rule: 'match.not-active' } });
      const report = await api.post(
        `/v1/matches/${matchId}/expenditure-reports`,
        { amount: usd('50000.00'), description: 'venue', period: { from: '2026-07-01', to: '2026-07-21' } },
        { token: t.ngo },
      );
      expect(report.status).toBe(201);
      const twice = await api.post(complete, {}, { token: t.officer });
      expect(twice).toMatchObject({ status: 422, body: { rule: 'match.not-active' } });
    });
  });

  it('leaves the read models and the money invariants consistent with the log (the audit reconciliation)', async () => {
    // The projectors run behind the log; reconcile retries a difference before reporting it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const reconciliation = await reconcile(app.store, app.db);
    expect(reconciliation.differences).toEqual([]);
    expect(reconciliation.consistent).toBe(true);
  });
});
