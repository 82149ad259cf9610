import { usd } from './support/scenario';
import { openMatchesApi, type MatchesApi, type Reply } from './matches-harness';

/**
 * The whole funding story over HTTP: given a vetted NGO, a published request and offers, an
 * officer matches, commits and disburses, large tranches wait for a second officer, and the NGO
 * confirms receipt and reports what it spent.
 */
describe.each(['postgres', 'pglite'] as const)('matches and money over HTTP (%s)', (kind) => {
  let api: MatchesApi;
  let alice: string;
  let bob: string;
  let auditor: string;

  beforeAll(async () => {
    api = await openMatchesApi(kind);
    alice = await api.token('alice', ['officer']);
    bob = await api.token('bob', ['officer']);
    auditor = await api.token('audrey', ['auditor']);
  }, 30_000);
  afterAll(() => api?.close());

  const matched = async () => {
    const organizationId = await api.given.vettedOrganization();
    const rival = await api.given.vettedOrganization();
    const requestId = await api.given.request(usd('300000.00'));
    const offerId = await api.given.offer(requestId, organizationId, usd('250000.00'));
    const rivalOffer = await api.given.offer(requestId, rival, usd('200000.00'));
    const ngo = await api.token(`user-of-${organizationId}`, ['ngo'], organizationId);
    const otherNgo = await api.token(`user-of-${rival}`, ['ngo'], rival);
    const made = await api.call('POST', '/v1/matches', { token: alice, body: { requestId, offerId } });
    return { organizationId, requestId, offerId, rivalOffer, ngo, otherNgo, made };
  };

  const streamTypes = async (streamId: string) =>
    (await api.store.readStream(streamId)).map((event) => event.type);

  describe('the funding story', () => {
    let story: Awaited<ReturnType<typeof matched>>;
    let matchId: string;
    let small: Reply;
    let large: Reply;
    let approvalPath: string;

    beforeAll(async () => {
      story = await matched();
      matchId = story.made.body.id;
    });

    it('matches the offer: the request matched, the offer accepted, the rival declined, in one write', async () => {
      const { made, requestId, offerId, rivalOffer } = story;
      expect(made.status).toBe(201);
      expect(made.body).toEqual({ id: matchId, revision: 0, position: expect.any(Number) });
      // Then the request is matched, the offer accepted, the rival declined
      expect(await streamTypes(`request-${requestId}`)).toEqual([
        'HelpRequestPublished',
        'OfferReceived',
        'OfferReceived',
        'RequestMatched',
      ]);
      expect(await streamTypes(`offer-${offerId}`)).toEqual(['OfferSubmitted', 'OfferAccepted']);
      expect(await streamTypes(`offer-${rivalOffer}`)).toEqual(['OfferSubmitted', 'OfferDeclined']);
      expect(await streamTypes(`match-${matchId}`)).toEqual(['MatchMade']);
    });

    it('commits funds, and releases a tranche within the threshold at once', async () => {
      const commit = await api.call('POST', `/v1/matches/${matchId}/commitments`, {
        token: alice,
        body: { amount: usd('300000.00') },
      });
      expect(commit).toMatchObject({ status: 201, body: { id: matchId, revision: 1 } });
      small = await api.call('POST', `/v1/matches/${matchId}/disbursements`, {
        token: alice,
        body: { amount: usd('50000.00'), reference: 'PAY-1' },
      });
      expect(small.status).toBe(201);
      expect(small.body).toEqual({
        id: expect.any(String),
        matchId,
        status: 'disbursed',
        revision: 3,
        position: expect.any(Number),
      });
    });

    it('holds a tranche above the threshold for a second officer, whom the requester cannot stand in for', async () => {
      large = await api.call('POST', `/v1/matches/${matchId}/disbursements`, {
        token: alice,
        body: { amount: usd('150000.00'), reference: 'PAY-2' },
      });
      expect(large.body).toMatchObject({ matchId, status: 'pending_approval', revision: 4 });
      approvalPath = `/v1/matches/${matchId}/disbursements/${large.body.id}/approval`;

      const self = await api.call('POST', approvalPath, { token: alice });
      expect(self.status).toBe(422);
      expect(self.body.type).toMatch(/disbursement\.self-approval$/);
      expect(self.headers.get('content-type')).toMatch(/application\/problem\+json/);
    });

    it('releases the held tranche when another officer approves it', async () => {
      const approved = await api.call('POST', approvalPath, { token: bob });
      expect(approved).toMatchObject({
        status: 200,
        body: { id: large.body.id, matchId, status: 'disbursed', revision: 6 },
      });
    });

    it('records a receipt of less than was sent as a discrepancy, and only once', async () => {
      const { ngo } = story;
      const receipt = await api.call(
        'POST',
        `/v1/matches/${matchId}/disbursements/${small.body.id}/receipt`,
        {
          token: ngo,
          body: { amount: usd('49975.50'), receivedOn: '2030-02-01' },
        },
      );
      expect(receipt.status).toBe(200);
      expect(receipt.body.discrepancy).toEqual({ expected: usd('50000.00'), received: usd('49975.50') });
      const twice = await api.call('POST', `/v1/matches/${matchId}/disbursements/${small.body.id}/receipt`, {
        token: ngo,
        body: { amount: usd('49975.50'), receivedOn: '2030-02-01' },
      });
      expect(twice.body.type).toMatch(/disbursement\.receipt-already-confirmed$/);
    });

    let reportId: string;
    it('takes the NGO’s report of what it spent', async () => {
      const { ngo } = story;
      const report = await api.call('POST', `/v1/matches/${matchId}/expenditure-reports`, {
        token: ngo,
        body: {
          amount: usd('20000.00'),
          description: 'Venue hire',
          period: { from: '2030-02-01', to: '2030-02-28' },
        },
      });
      expect(report).toMatchObject({
        status: 201,
        body: { id: matchId, revision: 8, reportId: expect.any(String) },
      });
      reportId = report.body.reportId;
    });

    it('reads the match back in the contract’s shape, for the officer, the auditor and the NGO', async () => {
      const { ngo, requestId, offerId, organizationId } = story;
      for (const token of [alice, auditor, ngo]) {
        const read = await api.call('GET', `/v1/matches/${matchId}?minRevision=8`, { token });
        expect(read.status).toBe(200);
        expect(read.headers.get('etag')).toBe('"8"');
        expect(read.body).toEqual({
          id: matchId,
          requestId,
          offerId,
          organizationId,
          kind: 'funding',
          status: 'active',
          committed: usd('300000.00'),
          disbursed: usd('200000.00'),
          pendingApproval: usd('0.00'),
          reportedExpenditure: usd('20000.00'),
          acceptedExpenditure: usd('0.00'),
          confirmedReceived: usd('49975.50'),
          reportBetweenTranches: false,
          reports: [{ id: reportId, amount: usd('20000.00'), status: 'submitted' }],
          disbursements: [
            {
              id: small.body.id,
              amount: usd('50000.00'),
              reference: 'PAY-1',
              status: 'disbursed',
              requestedBy: 'alice',
              receipt: {
                amount: usd('49975.50'),
                receivedOn: '2030-02-01',
                discrepancy: { expected: usd('50000.00'), received: usd('49975.50') },
              },
            },
            {
              id: large.body.id,
              amount: usd('150000.00'),
              reference: 'PAY-2',
              status: 'disbursed',
              requestedBy: 'alice',
              approvedBy: 'bob',
            },
          ],
          revision: 8,
        });
      }
    });
  });

  it('hides a match from other NGOs and waits for a revision it cannot reach with a 503', async () => {
    const { made, otherNgo, ngo } = await matched();
    const matchId = made.body.id;
    expect((await api.call('GET', `/v1/matches/${matchId}?minRevision=0`, { token: ngo })).status).toBe(200);
    expect((await api.call('GET', `/v1/matches/${matchId}`, { token: otherNgo })).status).toBe(404);
    const report = await api.call('POST', `/v1/matches/${matchId}/expenditure-reports`, {
      token: otherNgo,
      body: { amount: usd('1.00'), description: 'x', period: { from: '2030-01-01', to: '2030-01-02' } },
    });
    expect(report.status).toBe(404);
    const later = await api.call('GET', `/v1/matches/${matchId}?minRevision=99`, { token: ngo });
    expect(later.status).toBe(503);
    expect(later.headers.get('retry-after')).toBeTruthy();
  }, 15_000);

  it('lets only one of two concurrent matches for one request win', async () => {
    const org = await api.given.vettedOrganization();
    const requestId = await api.given.request(usd('1000.00'));
    const offers = await Promise.all([1, 2, 3].map(() => api.given.offer(requestId, org, usd('900.00'))));
    const answers = await Promise.all(
      offers.map((offerId) =>
        api.call('POST', '/v1/matches', { token: alice, body: { requestId, offerId } }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 422, 422]);
    for (const lost of answers.filter((a) => a.status === 422))
      expect(lost.body.type).toMatch(/request\.not-open$/);
    const matchedEvents = (await api.store.readStream(`request-${requestId}`)).filter(
      (e) => e.type === 'RequestMatched',
    );
    expect(matchedEvents).toHaveLength(1);
  });

  it('answers a match retried with the same Idempotency-Key after its answer was lost, writing nothing again', async () => {
    const org = await api.given.vettedOrganization();
    const requestId = await api.given.request(usd('1000.00'));
    const offerId = await api.given.offer(requestId, org, usd('900.00'));
    const headers = { 'idempotency-key': `resume-${requestId}` };
    const first = await api.call('POST', '/v1/matches', {
      token: alice,
      body: { requestId, offerId },
      headers,
    });
    // Simulate a crash after the answer was lost: the idempotency store no longer has it.
    await api.db.query('DELETE FROM idempotency_keys');
    const retry = await api.call('POST', '/v1/matches', {
      token: alice,
      body: { requestId, offerId },
      headers,
    });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(await streamTypes(`request-${requestId}`)).toEqual([
      'HelpRequestPublished',
      'OfferReceived',
      'RequestMatched',
    ]);
    expect(await streamTypes(`match-${first.body.id}`)).toEqual(['MatchMade']);
    expect(await streamTypes(`offer-${offerId}`)).toEqual(['OfferSubmitted', 'OfferAccepted']);
  });

  it('refuses money for a suspended organisation and a stale If-Match', async () => {
    const { made, organizationId } = await matched();
    const matchId = made.body.id;
    await api.call('POST', `/v1/matches/${matchId}/commitments`, {
      token: alice,
      body: { amount: usd('1000.00') },
    });
    const stale = await api.call('POST', `/v1/matches/${matchId}/commitments`, {
      token: alice,
      body: { amount: usd('1.00') },
      headers: { 'if-match': '"0"' },
    });
    expect(stale.status).toBe(412);
    const fresh = await api.call('POST', `/v1/matches/${matchId}/commitments`, {
      token: alice,
      body: { amount: usd('1.00') },
      headers: { 'if-match': '"1"' },
    });
    expect(fresh.status).toBe(201);
    await api.given.suspend(organizationId);
    const refused = await api.call('POST', `/v1/matches/${matchId}/disbursements`, {
      token: alice,
      body: { amount: usd('1.00'), reference: 'X' },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.type).toMatch(/organization\.suspended$/);
  });
});
