import {
  AUTH,
  clientOf,
  ORG,
  OTHER_ORG,
  tokens,
  usd,
  validOffer,
  validRequest,
  vettedOrganization,
  type Answer,
  type Client,
  type Tokens,
} from '../coordination/support';
import { localStack, waitFor, type LocalStack } from './support';

/**
 * The second wave of the contract (API.md "v1, second wave") as users run it: the apps as separate
 * processes (deploy/local/stack.sh) on PostgreSQL and Kafka, every write through the
 * coordination-api's HTTP port, every read from the read models that the projector process built
 * from what the relay process published, and the audit-api process's ledger, reconciliation and
 * IATI export agreeing with them. One scenario: two partners on one request (keepRequestOpen), an
 * in-kind offer, an offer revised, commitments, a decommitment, a tranche released and reversed,
 * one waiting for a second officer, one match completed, the other cancelled, the request closed.
 */
jest.setTimeout(150_000);

const COUNTRY = 'KE';

/** What a write answers: its entity and the revision to wait for on the read side. */
const written = (answer: Answer, status: number, what: string) => {
  if (answer.status !== status)
    throw new Error(`${what}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as { id: string; revision: number; status?: string };
};

describe('the second-wave workflow on the real stack (separate processes, PostgreSQL, Kafka)', () => {
  let stack: LocalStack;
  let api: Client;
  let audit: Client;
  let t: Tokens;

  beforeAll(async () => {
    stack = await localStack('stack-second-wave', {
      AUTH_JWT_SECRET: AUTH.secret,
      AUTH_ISSUER: AUTH.issuer,
      AUTH_AUDIENCE: AUTH.audience,
      RATE_LIMIT_PER_MINUTE: '0',
    });
    await stack.up('coordination-api', 'audit-api', 'relay', 'projector');
    api = clientOf(stack.url('coordination-api'));
    audit = clientOf(stack.url('audit-api'));
    t = await tokens();
  }, 120_000);
  afterAll(() => stack?.destroy(), 60_000);

  it('carries every step through relay → Kafka → projector, and the audit-api agrees with the read models', async () => {
    // Given two vetted NGOs and an open request of 300 000 USD in Kenya
    await vettedOrganization(api, t, ORG);
    await vettedOrganization(api, t, OTHER_ORG);
    const request = written(
      await api.post('/v1/requests', { ...validRequest(), country: COUNTRY }, { token: t.officer }),
      201,
      'publish',
    );
    const requestId = request.id;

    // A funding offer, revised while it waits, and an in-kind offer without an amount
    const funding = written(
      await api.post(`/v1/requests/${requestId}/offers`, validOffer(), { token: t.ngo }),
      201,
      'funding offer',
    );
    const revised = written(
      await api.patch(
        `/v1/offers/${funding.id}`,
        { amount: usd('110000.00') },
        { token: t.ngo, headers: { 'if-match': `"${funding.revision}"` } },
      ),
      200,
      'revise the offer',
    );
    expect(revised.revision).toBe(funding.revision + 1);
    const { amount: _, ...withoutAmount } = validOffer();
    const inKind = written(
      await api.post(
        `/v1/requests/${requestId}/offers`,
        { ...withoutAmount, kind: 'in-kind' },
        { token: t.otherNgo },
      ),
      201,
      'in-kind offer',
    );

    // Two partners on the one request: the first match keeps it open for the second
    const first = written(
      await api.post(
        '/v1/matches',
        { requestId, offerId: funding.id, keepRequestOpen: true },
        { token: t.officer },
      ),
      201,
      'first match',
    );
    const second = written(
      await api.post('/v1/matches', { requestId, offerId: inKind.id }, { token: t.officer }),
      201,
      'second match',
    );
    const [a, b] = [first.id, second.id];

    // Commitments on both share the budget
    const commit = (matchId: string, amount: string) =>
      api.post(`/v1/matches/${matchId}/commitments`, { amount: usd(amount) }, { token: t.officer });
    written(await commit(a, '150000.00'), 201, 'commit on the first match');
    written(await commit(b, '5000.00'), 201, 'commit on the second match');
    expect(await commit(b, '145000.01')).toMatchObject({
      status: 422,
      body: { rule: 'match.over-committed' },
    });

    // A tranche released and reversed (the bank returned it)
    const tranche = (amount: string, reference: string) =>
      api.post(`/v1/matches/${a}/disbursements`, { amount: usd(amount), reference }, { token: t.officer });
    const bounced = written(await tranche('50000.00', 'PAY-BOUNCED'), 201, 'first tranche');
    expect(bounced.status).toBe('disbursed');
    written(
      await api.post(
        `/v1/matches/${a}/disbursements/${bounced.id}/reversal`,
        { reason: 'bank returned it' },
        { token: t.officer },
      ),
      200,
      'reversal',
    );

    // A tranche above the threshold waits in the other officer's approval queue, not the requester's
    const held = written(await tranche('100000.01', 'PAY-HELD'), 201, 'held tranche');
    expect(held.status).toBe('pending_approval');
    const queue = await waitFor(async () => {
      const answer = await api.get('/v1/approvals', { token: t.officer2 });
      return answer.body.items?.length === 1 ? answer.body : undefined;
    }, 'the projector put the held tranche in the approval queue');
    expect(queue.items[0]).toMatchObject({
      matchId: a,
      disbursementId: held.id,
      amount: usd('100000.01'),
      reference: 'PAY-HELD',
      requestedBy: 'officer-1',
      organizationId: ORG,
    });
    expect((await api.get('/v1/approvals', { token: t.officer })).body.items).toEqual([]);
    written(
      await api.post(`/v1/matches/${a}/disbursements/${held.id}/approval`, {}, { token: t.officer2 }),
      200,
      'approval',
    );
    written(
      await api.post(
        `/v1/matches/${a}/disbursements/${held.id}/receipt`,
        { amount: usd('100000.01'), receivedOn: '2026-07-02' },
        { token: t.ngo },
      ),
      200,
      'receipt',
    );

    // Money committed beyond what was paid goes back; the first match completes
    written(
      await api.post(
        `/v1/matches/${a}/decommitments`,
        { amount: usd('20000.00'), reason: 'scaled down' },
        { token: t.officer },
      ),
      201,
      'decommitment',
    );
    const completed = written(
      await api.post(`/v1/matches/${a}/completion`, { note: 'final report due' }, { token: t.officer }),
      200,
      'completion',
    );

    // The second match is cancelled and its money released; the request closes
    written(
      await api.post(`/v1/matches/${b}/cancellation`, { reason: 'partner withdrew' }, { token: t.officer }),
      200,
      'cancellation',
    );
    const released = written(
      await api.post(
        `/v1/matches/${b}/decommitments`,
        { amount: usd('5000.00'), reason: 'match cancelled' },
        { token: t.officer },
      ),
      201,
      'release',
    );
    const closed = written(
      await api.post(`/v1/requests/${requestId}/closure`, { reason: 'covered' }, { token: t.officer }),
      200,
      'closure',
    );

    // Then the read models the projector built show it all
    const requestRead = await api.get(`/v1/requests/${requestId}?minRevision=${closed.revision}`, {
      token: t.auditor,
    });
    expect(requestRead).toMatchObject({ status: 200, body: { status: 'closed', matchIds: [a, b] } });
    const matchA = await api.get(`/v1/matches/${a}?minRevision=${completed.revision}`, { token: t.auditor });
    const matchB = await api.get(`/v1/matches/${b}?minRevision=${released.revision}`, { token: t.auditor });
    expect(matchA.body).toMatchObject({
      status: 'completed',
      kind: 'funding',
      committed: usd('130000.00'),
      disbursed: usd('100000.01'),
      pendingApproval: usd('0.00'),
    });
    expect(matchA.body.disbursements.map((d: { id: string; status: string }) => [d.id, d.status])).toEqual([
      [bounced.id, 'reversed'],
      [held.id, 'disbursed'],
    ]);
    expect(matchB.body).toMatchObject({
      status: 'cancelled',
      kind: 'in-kind',
      committed: usd('0.00'),
      disbursed: usd('0.00'),
    });
    const matches = await api.get(`/v1/matches?requestId=${requestId}`, { token: t.officer });
    expect(matches.body).toEqual({ items: [matchA.body, matchB.body], nextCursor: null });
    expect((await api.get('/v1/matches', { token: t.otherNgo })).body.items).toEqual([matchB.body]);

    // The offers are another topic and read model: no order with the matches' (decision 0073)
    const offers = await waitFor(async () => {
      const answer = await api.get(`/v1/offers?requestId=${requestId}`, { token: t.officer });
      return answer.body.items?.every((o: { status: string }) => o.status === 'accepted')
        ? answer
        : undefined;
    }, 'both offers are shown accepted');
    expect(offers.body.items).toEqual([
      expect.objectContaining({
        id: funding.id,
        kind: 'funding',
        amount: usd('110000.00'),
        status: 'accepted',
        matchId: a,
      }),
      expect.objectContaining({ id: inKind.id, kind: 'in-kind', status: 'accepted', matchId: b }),
    ]);
    expect(offers.body.items[1].amount).toBeUndefined();
    expect(
      (await api.get('/v1/offers', { token: t.ngo })).body.items.map((o: { id: string }) => o.id),
    ).toEqual([funding.id]);

    const approvals = await waitFor(async () => {
      const answer = await api.get('/v1/approvals', { token: t.officer2 });
      return answer.body.items?.length === 0 ? answer.body : undefined;
    }, 'the approved tranche left the queue');
    expect(approvals).toEqual({ items: [], nextCursor: null });

    // The cooperation metrics follow three topics in no order between them: wait for the last step
    const metrics = await waitFor(async () => {
      const answer = await api.get(`/v1/cooperation-metrics?country=${COUNTRY}`, { token: t.auditor });
      const body = answer.body;
      return body?.secondsToConfirmedReceipt?.count === 1 && body.committed?.[0]?.amount === '130000.00'
        ? body
        : undefined;
    }, 'the cooperation metrics show the receipt and the decommitments');
    expect(metrics).toMatchObject({
      requests: 1,
      offers: 2,
      matches: 2,
      committed: [usd('130000.00')],
      disbursed: [usd('100000.01')],
      secondsToFirstOffer: { count: 1 },
      secondsToMatch: { count: 1 },
      secondsToFirstDisbursement: { count: 1 },
      secondsToConfirmedReceipt: { count: 1 },
    });
    expect((await api.get('/v1/cooperation-metrics?country=CO', { token: t.officer })).body).toMatchObject({
      requests: 0,
      matches: 0,
    });

    // And the audit-api, rebuilding from the log, agrees with what the read models show
    const ledger = await audit.get('/v1/audit/ledger', { token: t.auditor });
    expect(ledger.status).toBe(200);
    const line = (matchId: string) => ledger.body.byMatch.find((l: { key: string }) => l.key === matchId);
    expect(line(a)).toMatchObject({
      currency: 'USD',
      committed: matchA.body.committed,
      disbursed: matchA.body.disbursed,
      confirmedReceived: usd('100000.01'),
      outstanding: usd('29999.99'),
    });
    expect(line(b)).toMatchObject({ committed: matchB.body.committed, disbursed: usd('0.00') });
    expect(ledger.body.byCountry).toEqual([
      expect.objectContaining({
        key: COUNTRY,
        matches: 2,
        committed: usd('130000.00'),
        disbursed: usd('100000.01'),
      }),
    ]);

    const reconciliation = await audit.post('/v1/audit/reconciliations', undefined, { token: t.auditor });
    expect(reconciliation.status).toBe(200);
    expect(reconciliation.body.differences).toEqual([]);
    expect(reconciliation.body.consistent).toBe(true);

    const iati = await audit.get<string>('/v1/audit/export/iati', { token: t.auditor });
    expect(iati.status).toBe(200);
    const activity = (matchId: string) => {
      const found = iati.body
        .split('<iati-activity ')
        .find((part) => new RegExp(`<iati-identifier>[^<]*-${matchId}</iati-identifier>`).test(part));
      if (!found) throw new Error(`no IATI activity for match ${matchId}`);
      const values = (type: string) =>
        [
          ...found.matchAll(
            /<transaction-type code="(\d)"\/>[\s\S]*?<value currency="USD" value-date="[^"]+">([^<]+)<\/value>/g,
          ),
        ]
          .filter(([, code]) => code === type)
          .map(([, , value]) => value);
      return { status: /<activity-status code="(\d)"/.exec(found)?.[1], values };
    };
    // A reversal is a negative type 3 beside the tranche's positive one; a decommitment a negative type 2
    expect(activity(a).values('3')).toEqual(['50000.00', '-50000.00', '100000.01']);
    expect(activity(a).values('2')).toEqual(['150000.00', '-20000.00']);
    expect(activity(a).values('1')).toEqual(['100000.01']);
    expect(activity(a).status).toBe('3');
    expect(activity(b).values('2')).toEqual(['5000.00', '-5000.00']);
    expect(activity(b).values('3')).toEqual([]);
    expect(activity(b).status).toBe('5');
  });
});
