import {
  clientOf,
  fundingScene,
  ORG,
  OTHER_ORG,
  startCoordinationApp,
  tokens,
  validOffer,
  validRequest,
  type Client,
  type CoordinationApp,
  type Tokens,
} from '../coordination/support';
import { Receiver, waitFor } from './support/receiver';
import { startWebhooksApp, type WebhooksApp } from './support/webhooks-app';

/* eslint-disable @typescript-eslint/no-explicit-any -- answers as received JSON */

describe('webhooks: signed deliveries to a real receiver, at least once, in order per stream', () => {
  let coordination: CoordinationApp;
  let webhooks: WebhooksApp;
  let api: Client;
  let hooks: Client;
  let t: Tokens;
  const ngoReceiver = new Receiver({ failFirst: 2 });
  const otherNgoReceiver = new Receiver();
  let ngoSubscription: string;
  let otherNgoSubscription: string;

  const subscribe = async (token: string, receiver: Receiver, eventTypes?: string[]) => {
    const answer = await hooks.post('/v1/subscriptions', { url: receiver.url, eventTypes }, { token });
    expect(answer.status).toBe(201);
    receiver.secret = answer.body.secret;
    return answer.body.id as string;
  };

  const feedOf = async (token: string): Promise<any[]> => {
    const answer = await hooks.get('/v1/feed?limit=500', { token });
    expect(answer.body.nextCursor).toBeNull();
    return answer.body.items;
  };

  const deliveriesOf = async (token: string, id: string): Promise<any> =>
    (await hooks.get(`/v1/subscriptions/${id}/deliveries?limit=500`, { token })).body;

  const everythingArrived = async (token: string, receiver: Receiver) => {
    const expected = (await feedOf(token)).map((event) => event.id);
    await waitFor('every visible event at the receiver', () => {
      const got = new Set(receiver.accepted.map((event) => event.webhookId));
      return expected.every((id) => got.has(id));
    });
    return expected;
  };

  const expectOrderPerStream = (receiver: Receiver) => {
    const bySubject = new Map<string, number[]>();
    for (const event of receiver.accepted)
      bySubject.set(event.subject, [...(bySubject.get(event.subject) ?? []), event.position]);
    for (const positions of bySubject.values())
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
  };

  beforeAll(async () => {
    coordination = await startCoordinationApp('pglite');
    webhooks = await startWebhooksApp(coordination.db, coordination.store, {
      WEBHOOK_RETRY_BASE_MS: '10',
      WEBHOOK_MAX_ATTEMPTS: '10',
    });
    api = clientOf(coordination.url);
    hooks = clientOf(webhooks.url);
    t = await tokens();
    await ngoReceiver.start();
    await otherNgoReceiver.start();
    ngoSubscription = await subscribe(t.ngo, ngoReceiver);
    otherNgoSubscription = await subscribe(t.otherNgo, otherNgoReceiver);
  });

  afterAll(async () => {
    await webhooks?.close();
    await coordination?.close();
    await ngoReceiver.stop();
    await otherNgoReceiver.stop();
  });

  describe('subscriptions belong to their subscriber', () => {
    it('shows the secret once, in the Standard Webhooks format, and never again', async () => {
      const created = await hooks.post(
        '/v1/subscriptions',
        { url: 'http://127.0.0.1:9/never-called' },
        { token: t.ngo },
      );
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ url: 'http://127.0.0.1:9/never-called', eventTypes: null });
      expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      const read = await hooks.get(`/v1/subscriptions/${created.body.id}`, { token: t.ngo });
      expect(read.status).toBe(200);
      expect(read.body.secret).toBeUndefined();
      const listed = await hooks.get('/v1/subscriptions', { token: t.ngo });
      expect(listed.body.items.map((item: any) => item.id)).toContain(created.body.id);
      expect(JSON.stringify(listed.body)).not.toContain('whsec_');
      const deleted = await hooks.call('DELETE', `/v1/subscriptions/${created.body.id}`, undefined, {
        token: t.ngo,
      });
      expect(deleted.status).toBe(204);
      expect((await hooks.get(`/v1/subscriptions/${created.body.id}`, { token: t.ngo })).status).toBe(404);
    });

    it('answers 404 to anyone else, for every route of a subscription', async () => {
      for (const [method, path, body] of [
        ['GET', `/v1/subscriptions/${ngoSubscription}`, undefined],
        ['GET', `/v1/subscriptions/${ngoSubscription}/deliveries`, undefined],
        ['POST', `/v1/subscriptions/${ngoSubscription}/replay`, { fromPosition: 0 }],
        ['DELETE', `/v1/subscriptions/${ngoSubscription}`, undefined],
      ] as const)
        expect((await hooks.call(method, path, body, { token: t.otherNgo })).status).toBe(404);
      const theirs = await hooks.get('/v1/subscriptions', { token: t.otherNgo });
      expect(theirs.body.items.map((item: any) => item.id)).toEqual([otherNgoSubscription]);
    });

    it('refuses a URL that is not http(s):// (400 naming url) and roles that may not subscribe (403)', async () => {
      const ftp = await hooks.post('/v1/subscriptions', { url: 'ftp://ngo.example/x' }, { token: t.ngo });
      expect(ftp.status).toBe(400);
      expect(ftp.body.errors).toEqual([expect.objectContaining({ field: 'url' })]);
      const witness = await hooks.post(
        '/v1/subscriptions',
        { url: 'https://w.example/x' },
        { token: t.witness },
      );
      expect(witness.status).toBe(403);
    });
  });

  describe('delivery', () => {
    let otherOfferId: string;
    let scene: Awaited<ReturnType<typeof fundingScene>>;

    beforeAll(async () => {
      scene = await fundingScene(api, t);
      const other = await api.post(`/v1/requests/${scene.requestId}/offers`, validOffer(), {
        token: t.otherNgo,
      });
      otherOfferId = other.body.id;
    });

    it('delivers every event the NGO may see, each signature verified by the library, retried under the same webhook-id', async () => {
      const expected = await everythingArrived(t.ngo, ngoReceiver);
      expect(ngoReceiver.badSignatures).toEqual([]);
      for (const id of expected) expect(ngoReceiver.attempts.get(id)).toBe(3);
      expectOrderPerStream(ngoReceiver);
      const log = await deliveriesOf(t.ngo, ngoSubscription);
      const first = log.items.filter((item: any) => item.eventId === expected[0]);
      expect(first.map((item: any) => [item.attempt, item.status, item.responseStatus])).toEqual([
        [3, 'delivered', 200],
        [2, 'retrying', 500],
        [1, 'retrying', 500],
      ]);
    });

    it("never delivers another organisation's offer to an NGO", async () => {
      await everythingArrived(t.otherNgo, otherNgoReceiver);
      const ngoSubjects = new Set(ngoReceiver.accepted.map((event) => event.subject));
      const otherSubjects = new Set(otherNgoReceiver.accepted.map((event) => event.subject));
      expect(ngoSubjects).toContain(`offer-${scene.offerId}`);
      expect(ngoSubjects).not.toContain(`offer-${otherOfferId}`);
      expect(otherSubjects).toContain(`offer-${otherOfferId}`);
      expect(otherSubjects).not.toContain(`offer-${scene.offerId}`);
      expect(otherSubjects).not.toContain(`organization-${ORG}`);
      expect(ngoSubjects).not.toContain(`organization-${OTHER_ORG}`);
      const bodies = JSON.stringify(ngoReceiver.accepted.map((event) => event.body));
      expect(bodies).not.toContain(OTHER_ORG);
      // Its own registration arrives without the contact e-mail, not even as ciphertext.
      expect(
        ngoReceiver.accepted.find((event) => event.type === 'OrganizationRegistered')?.data.contactEmail,
      ).toBeNull();
      expect(bodies).not.toMatch(/contact@|pd:v1:/);
    });

    it('loses nothing while the receiver is down, and keeps each stream in order when it is back', async () => {
      await ngoReceiver.stop();
      const requestStream = `request-${scene.requestId}`;
      for (const title of ['First amendment', 'Second amendment', 'Third amendment'])
        expect(
          (await api.patch(`/v1/requests/${scene.requestId}`, { title }, { token: t.officer })).status,
        ).toBe(200);
      await waitFor('attempts refused while the receiver is down', async () =>
        (await deliveriesOf(t.ngo, ngoSubscription)).items.some(
          (item: any) => item.responseStatus === undefined,
        ),
      );
      await ngoReceiver.start();
      await everythingArrived(t.ngo, ngoReceiver);
      const amendments = ngoReceiver.accepted.filter(
        (event) => event.subject === requestStream && event.type === 'HelpRequestAmended',
      );
      expect(amendments.map((event) => event.data.title)).toEqual([
        'First amendment',
        'Second amendment',
        'Third amendment',
      ]);
      expectOrderPerStream(ngoReceiver);
    });
  });

  describe('a delivery that keeps failing', () => {
    const officerReceiver = new Receiver();
    let subscription: string;

    afterAll(() => officerReceiver.stop());

    it('is failed after the last attempt, holds the later events of its stream, and a replay delivers them in order', async () => {
      await officerReceiver.start();
      subscription = await subscribe(t.officer, officerReceiver, [
        'HelpRequestPublished',
        'HelpRequestAmended',
      ]);
      const held = await api.post('/v1/requests', validRequest(), { token: t.officer });
      const heldStream = `request-${held.body.id}`;
      officerReceiver.options.failStreams = new Set([heldStream]);
      expect(
        (await api.patch(`/v1/requests/${held.body.id}`, { title: 'Amended' }, { token: t.officer })).status,
      ).toBe(200);
      const free = await api.post('/v1/requests', validRequest(), { token: t.officer });

      await waitFor('the first event of the failing stream to be failed', async () =>
        (await deliveriesOf(t.officer, subscription)).items.some((item: any) => item.status === 'failed'),
      );
      await waitFor('the other stream delivered', () =>
        officerReceiver.accepted.some((event) => event.subject === `request-${free.body.id}`),
      );
      const log = await deliveriesOf(t.officer, subscription);
      const failed = log.items.filter((item: any) => item.status === 'failed');
      expect(failed).toEqual([expect.objectContaining({ attempt: 10, responseStatus: 500 })]);
      expect(log.waiting).toBe(1);
      expect(officerReceiver.attempts.size).toBe(2);

      officerReceiver.options.failStreams = new Set();
      const feedItems = await feedOf(t.officer);
      const published = feedItems.find((item) => item.subject === heldStream);
      const replay = await hooks.post(
        `/v1/subscriptions/${subscription}/replay`,
        { fromPosition: published.position },
        { token: t.officer },
      );
      expect(replay.status).toBe(202);
      expect(replay.body.events).toBeGreaterThanOrEqual(2);
      await waitFor(
        'the held stream delivered after the replay',
        () => officerReceiver.subjectsIds(heldStream).length === 2,
      );
      expect(
        officerReceiver.accepted.filter((event) => event.subject === heldStream).map((event) => event.type),
      ).toEqual(['HelpRequestPublished', 'HelpRequestAmended']);
      expect(officerReceiver.subjectsIds(heldStream)[0]).toBe(published.id);
    });
  });
});
