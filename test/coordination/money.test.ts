import { usd } from './support/scenario';
import { foldEvents, formatMoney, matchDecider, type Match } from '@multitrack/domain';
import { openMatchesApi, type MatchesApi } from './matches-harness';
import { DisbursementPolicies } from '../../apps/coordination-api/src/matches/disbursement-policies';

const CALLERS = 30;

/**
 * THE INVARIANT (API.md): disbursed + pendingApproval ≤ committed ≤ request budget, in one
 * currency, at every moment, whatever the number of concurrent callers. Checked on the event
 * store's record of the match, not on the answers.
 */
describe.each(['postgres', 'pglite'] as const)('money under concurrent callers (%s)', (kind) => {
  let api: MatchesApi;
  let officers: string[];

  beforeAll(async () => {
    api = await openMatchesApi(kind);
    officers = await Promise.all(
      Array.from({ length: CALLERS }, (_, i) => api.token(`officer-${i}`, ['officer'])),
    );
  }, 30_000);
  afterAll(() => api?.close());

  const newMatch = async (budget: string) => {
    const org = await api.given.vettedOrganization();
    const requestId = await api.given.request(usd(budget));
    const offerId = await api.given.offer(requestId, org, usd(budget));
    const made = await api.call('POST', '/v1/matches', { token: officers[0], body: { requestId, offerId } });
    expect(made.status).toBe(201);
    return made.body.id as string;
  };

  const recorded = async (matchId: string): Promise<Match> =>
    foldEvents(matchDecider, await api.store.readStream(`match-${matchId}`)) as Match;

  it(`gives each of ${CALLERS} simultaneous tranches a 201 or a 422, and never disburses more than committed`, async () => {
    // Given a match with 300000.00 committed
    const matchId = await newMatch('300000.00');
    await api.call('POST', `/v1/matches/${matchId}/commitments`, {
      token: officers[0],
      body: { amount: usd('300000.00') },
    });

    // When 30 officers each ask for a 15000.00 tranche at the same moment (room for 20)
    const answers = await Promise.all(
      officers.map((token, i) =>
        api.call('POST', `/v1/matches/${matchId}/disbursements`, {
          token,
          body: { amount: usd('15000.00'), reference: `PAY-${i}` },
        }),
      ),
    );

    // Then each answer is a success or the over-disbursement rule
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status !== 201 && status !== 422)).toEqual([]);
    for (const refused of answers.filter((answer) => answer.status === 422)) {
      expect(refused.body.type).toMatch(/match\.over-disbursed$/);
    }
    expect(statuses.filter((status) => status === 201)).toHaveLength(20);
    // And the record holds the invariant, counting the tranches that wait for approval
    const match = await recorded(matchId);
    expect(match.disbursed.minor + match.pendingApproval.minor).toBeLessThanOrEqual(match.committed.minor);
    expect(formatMoney(match.committed)).toEqual(usd('300000.00'));
    expect(match.disbursements).toHaveLength(20);
    // And splitting did not dodge review: no more than the threshold went out unreviewed
    const unreviewed = match.disbursements.filter((d) => d.status === 'disbursed' && !d.approvedBy);
    expect(unreviewed.reduce((sum, d) => sum + d.amount.minor, 0n)).toBeLessThanOrEqual(10_000_000n);
    expect(answers.filter((a) => a.body.status === 'pending_approval')).toHaveLength(20 - unreviewed.length);
  }, 60_000);

  it(`commits within the request budget under ${CALLERS} simultaneous commitments`, async () => {
    // Given a match on a 300000.00 request
    const matchId = await newMatch('300000.00');

    // When 30 officers commit 15000.00 each at the same moment
    const answers = await Promise.all(
      officers.map((token) =>
        api.call('POST', `/v1/matches/${matchId}/commitments`, { token, body: { amount: usd('15000.00') } }),
      ),
    );

    // Then exactly the budget's worth is committed, and everyone else hears the rule
    expect(answers.filter((answer) => answer.status !== 201 && answer.status !== 422)).toEqual([]);
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(20);
    for (const refused of answers.filter((answer) => answer.status === 422)) {
      expect(refused.body.type).toMatch(/match\.over-committed$/);
    }
    expect(formatMoney((await recorded(matchId)).committed)).toEqual(usd('300000.00'));
  }, 60_000);

  it('replays a retried tranche with the same Idempotency-Key instead of paying twice', async () => {
    const matchId = await newMatch('1000.00');
    await api.call('POST', `/v1/matches/${matchId}/commitments`, {
      token: officers[0],
      body: { amount: usd('1000.00') },
    });
    const send = () =>
      api.call('POST', `/v1/matches/${matchId}/disbursements`, {
        token: officers[0],
        body: { amount: usd('100.00'), reference: 'PAY-R' },
        headers: { 'idempotency-key': 'tranche-1' },
      });
    const first = await send();
    // The answer was lost with a crash: the idempotency store forgot it, the event store did not.
    await api.db.query('DELETE FROM idempotency_keys');
    const retry = await send();
    expect(retry.body).toEqual(first.body);
    expect((await recorded(matchId)).disbursements).toHaveLength(1);
  });
});

describe('disbursement policy from configuration', () => {
  let api: MatchesApi;
  beforeAll(async () => {
    api = await openMatchesApi('pglite', new DisbursementPolicies('1000.00', 7));
  }, 30_000);
  afterAll(() => api?.close());

  it('holds a tranche above the configured threshold, and one that with recent ones would exceed it', async () => {
    const officer = await api.token('alice', ['officer']);
    const org = await api.given.vettedOrganization();
    const requestId = await api.given.request(usd('5000.00'));
    const offerId = await api.given.offer(requestId, org, usd('5000.00'));
    const matchId = (await api.call('POST', '/v1/matches', { token: officer, body: { requestId, offerId } }))
      .body.id;
    await api.call('POST', `/v1/matches/${matchId}/commitments`, {
      token: officer,
      body: { amount: usd('5000.00') },
    });
    const tranche = (amount: string) =>
      api.call('POST', `/v1/matches/${matchId}/disbursements`, {
        token: officer,
        body: { amount: usd(amount), reference: 'P' },
      });
    expect((await tranche('1000.01')).body.status).toBe('pending_approval');
    expect((await tranche('600.00')).body.status).toBe('disbursed');
    expect((await tranche('400.01')).body.status).toBe('pending_approval');
  });
});
