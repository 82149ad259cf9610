/**
 * The four defects of the old write path (issue 11), each specified as the behaviour that holds
 * now: visibility before If-Match, PATCH under Idempotency-Key, no money on a match whose offer was
 * not accepted for it, and a match that races its offer's withdrawal writes all or nothing.
 */
import { parseMoney } from '@multitrack/domain';
import {
  clientOf,
  fundingScene,
  ORG,
  startCoordinationApp,
  streamOf,
  tokens,
  validOffer,
  validRequest,
  wholeLog,
  type Client,
  type CoordinationApp,
  type Tokens,
  usd,
} from './support';
import { writeDirectly } from '../support/write-directly';

describe.each(['pglite', 'postgres'] as const)('the write path on %s', (kind) => {
  let app: CoordinationApp;
  let api: Client;
  let t: Tokens;

  beforeAll(async () => {
    app = await startCoordinationApp(kind);
    api = clientOf(app.url);
    t = await tokens();
  }, 60_000);
  afterAll(() => app?.close());

  const types = async (streamId: string) => (await streamOf(app.store, streamId)).map((event) => event.type);

  const matchedScene = async () => {
    const scene = await fundingScene(api, t);
    const match = await api.post(
      '/v1/matches',
      { requestId: scene.requestId, offerId: scene.offerId },
      { token: t.officer },
    );
    expect(match.status).toBe(201);
    return { ...scene, matchId: match.body.id as string };
  };

  describe('(a) visibility is judged before If-Match', () => {
    it('answers another NGO writing to a match with a 404, never a 412 that leaks the revision', async () => {
      const { matchId } = await matchedScene();
      const answer = await api.post(
        `/v1/matches/${matchId}/expenditure-reports`,
        { amount: usd('1.00'), description: 'x', period: { from: '2026-01-01', to: '2026-01-31' } },
        { token: t.otherNgo, headers: { 'if-match': '"999"' } },
      );
      expect(answer.status).toBe(404);
      expect(answer.headers.get('etag') ?? '').not.toMatch(/^"\d+"$/);
    });

    it('answers another NGO withdrawing an offer with a 404, never a 412', async () => {
      const { offerId } = await fundingScene(api, t);
      const answer = await api.post(
        `/v1/offers/${offerId}/withdrawal`,
        { reason: 'x' },
        { token: t.otherNgo, headers: { 'if-match': '"999"' } },
      );
      expect(answer.status).toBe(404);
      expect(answer.headers.get('etag') ?? '').not.toMatch(/^"\d+"$/);
    });
  });

  describe('(b) PATCH follows the POST rules of Idempotency-Key', () => {
    it('replays the same key with the same body and refuses it with another body', async () => {
      const request = await api.post('/v1/requests', validRequest(), { token: t.officer });
      const headers = { 'idempotency-key': `patch-${kind}-${request.body.id}` };
      const first = await api.patch(
        `/v1/requests/${request.body.id}`,
        { title: 'First title' },
        { token: t.officer, headers },
      );
      const replay = await api.patch(
        `/v1/requests/${request.body.id}`,
        { title: 'First title' },
        { token: t.officer, headers },
      );
      const other = await api.patch(
        `/v1/requests/${request.body.id}`,
        { title: 'Another title' },
        { token: t.officer, headers },
      );

      expect(first.status).toBe(200);
      expect(replay).toMatchObject({ status: 200, body: first.body });
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(other.status).toBe(422);
      expect(other.body.type).toMatch(/idempotency\.key-reused$/);
      expect(await types(`request-${request.body.id}`)).toEqual([
        'HelpRequestPublished',
        'HelpRequestAmended',
      ]);
    });
  });

  describe('(c) a match whose offer was not accepted for it carries no money', () => {
    it('refuses commitments and tranches on a match made over an offer withdrawn before it was accepted', async () => {
      const { requestId, offerId } = await fundingScene(api, t);
      const ngo = { sub: `user-of-${ORG}`, roles: ['ngo' as const], organizationId: ORG };
      await writeDirectly(
        app.store,
        'offer',
        offerId,
        { type: 'WithdrawOffer', data: { reason: 'changed our plans' } },
        ngo,
      );
      // What the saga of old could leave behind: the match and the request's lock, the offer withdrawn.
      const matchId = `orphan-${offerId}`;
      const budget = parseMoney(usd('300000.00'));
      if ('kind' in budget) throw new Error(budget.message);
      await writeDirectly(app.store, 'match', matchId, {
        type: 'MakeMatch',
        data: {
          matchId,
          requestId,
          offerId,
          organizationId: ORG,
          request: { status: 'open', budget },
          offer: { status: 'submitted', requestId, amount: budget },
          organization: { status: 'vetted' },
        },
      });

      const commitment = await api.post(
        `/v1/matches/${matchId}/commitments`,
        { amount: usd('1000.00') },
        { token: t.officer },
      );
      const tranche = await api.post(
        `/v1/matches/${matchId}/disbursements`,
        { amount: usd('1.00'), reference: 'P' },
        { token: t.officer },
      );

      expect(commitment.status).toBe(422);
      expect(commitment.body.type).toMatch(/match\.offer-not-accepted$/);
      expect(tranche.status).toBe(422);
      expect(await types(`match-${matchId}`)).toEqual(['MatchMade']);
    });
  });

  describe('(d) a match racing its offer’s withdrawal writes every stream or none', () => {
    it('never leaves a refused match behind, in 50 races', async () => {
      const outcomes = { matched: 0, withdrawn: 0 };
      for (let round = 0; round < 50; round++) {
        const request = await api.post('/v1/requests', validRequest(), { token: t.officer });
        const offer = await api.post(`/v1/requests/${request.body.id}/offers`, validOffer(), {
          token: t.ngo,
        });
        const [match, withdrawal] = await Promise.all([
          api.post(
            '/v1/matches',
            { requestId: request.body.id, offerId: offer.body.id },
            { token: t.officer },
          ),
          api.post(`/v1/offers/${offer.body.id}/withdrawal`, { reason: 'race' }, { token: t.ngo }),
        ]);
        const requestTypes = await types(`request-${request.body.id}`);
        const offerTypes = await types(`offer-${offer.body.id}`);
        if (match.status === 201) {
          outcomes.matched++;
          expect(withdrawal.status).toBe(422);
          expect(requestTypes).toContain('RequestMatched');
          expect(offerTypes).toEqual(['OfferSubmitted', 'OfferAccepted']);
          expect(await types(`match-${match.body.id}`)).toEqual(['MatchMade']);
        } else {
          outcomes.withdrawn++;
          expect(match.status).toBe(422);
          expect(withdrawal.status).toBe(200);
          expect(requestTypes).not.toContain('RequestMatched');
          expect(offerTypes).toEqual(['OfferSubmitted', 'OfferWithdrawn']);
        }
      }
      // Only the sum is certain; both sides winning sometimes shows the race was real.
      expect(outcomes.matched + outcomes.withdrawn).toBe(50);
      // And across the whole log: every match made is the one its request and its offer name.
      const log = await wholeLog(app.store);
      const matchedBy = (type: string) =>
        new Set(log.filter((e) => e.type === type).map((e) => e.data.matchId));
      const made = [...matchedBy('MatchMade')].filter((id) => !String(id).startsWith('orphan-'));
      expect(
        made.every((id) => matchedBy('RequestMatched').has(id) && matchedBy('OfferAccepted').has(id)),
      ).toBe(true);
    }, 240_000);
  });
});
