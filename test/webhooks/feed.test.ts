import {
  clientOf,
  fundingScene,
  ORG,
  OTHER_ORG,
  startCoordinationApp,
  tokens,
  validOffer,
  type Client,
  type CoordinationApp,
  type Tokens,
} from '../coordination/support';
import { startWebhooksApp, type WebhooksApp } from './support/webhooks-app';

/* eslint-disable @typescript-eslint/no-explicit-any -- CloudEvents as received JSON */

describe('the event feed: what each caller may see of the log, as CloudEvents', () => {
  let coordination: CoordinationApp;
  let webhooks: WebhooksApp;
  let api: Client;
  let feed: Client;
  let t: Tokens;
  let scene: Awaited<ReturnType<typeof fundingScene>>;
  let otherOfferId: string;

  const readAll = async (token: string, limit: number) => {
    const items: any[] = [];
    let after: string | undefined;
    for (let page = 0; page < 200; page++) {
      const answer = await feed.get(`/v1/feed?limit=${limit}${after ? `&after=${after}` : ''}`, { token });
      expect(answer.status).toBe(200);
      items.push(...answer.body.items);
      if (answer.body.nextCursor === null) return { items, lastCursor: answer.body.lastCursor as string };
      after = answer.body.nextCursor;
    }
    throw new Error('the feed did not end');
  };

  beforeAll(async () => {
    coordination = await startCoordinationApp('pglite');
    webhooks = await startWebhooksApp(coordination.db, coordination.store, { WEBHOOK_DISPATCH: 'false' });
    api = clientOf(coordination.url);
    feed = clientOf(webhooks.url);
    t = await tokens();
    scene = await fundingScene(api, t);
    const other = await api.post(`/v1/requests/${scene.requestId}/offers`, validOffer(), {
      token: t.otherNgo,
    });
    expect(other.status).toBe(201);
    otherOfferId = other.body.id;
  });

  afterAll(async () => {
    await webhooks?.close();
    await coordination?.close();
  });

  it('gives an officer every event in global order, as CloudEvents 1.0 with the event id', async () => {
    const { items } = await readAll(t.officer, 500);
    const positions = items.map((item) => item.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(items.map((item) => item.type)).toEqual(
      expect.arrayContaining([
        'OrganizationRegistered',
        'HelpRequestPublished',
        'OfferSubmitted',
        'OfferReceived',
      ]),
    );
    const published = items.find((item) => item.type === 'HelpRequestPublished');
    expect(published).toMatchObject({
      specversion: '1.0',
      source: '/multitrack/event-store',
      subject: `request-${scene.requestId}`,
      datacontenttype: 'application/json',
      data: { requestId: scene.requestId },
    });
    expect(published.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Date(published.time).toISOString()).toBe(published.time);
  });

  it("never shows an NGO another organisation's offer, nor the request event that names it", async () => {
    const { items } = await readAll(t.ngo, 500);
    const subjects = new Set(items.map((item) => item.subject));
    expect(subjects).toContain(`request-${scene.requestId}`);
    expect(subjects).toContain(`offer-${scene.offerId}`);
    expect(subjects).toContain(`organization-${ORG}`);
    expect(subjects).not.toContain(`offer-${otherOfferId}`);
    expect(subjects).not.toContain(`organization-${OTHER_ORG}`);
    expect(items.filter((item) => item.data.organizationId === OTHER_ORG)).toEqual([]);
  });

  it('pages with cursors: small pages give the same events as one large page, then null', async () => {
    const whole = await readAll(t.officer, 500);
    const paged = await readAll(t.officer, 3);
    expect(paged.items.map((item) => item.id)).toEqual(whole.items.map((item) => item.id));
  });

  it('resumes from the last cursor: later events only, none seen twice', async () => {
    const { items, lastCursor } = await readAll(t.officer, 500);
    const withdrawn = await api.post(
      `/v1/offers/${otherOfferId}/withdrawal`,
      { reason: 'no staff' },
      { token: t.otherNgo },
    );
    expect(withdrawn.status).toBe(200);
    const later = await feed.get(`/v1/feed?after=${lastCursor}`, { token: t.officer });
    expect(later.body.items.map((item: any) => item.type)).toEqual(['OfferWithdrawn']);
    expect(items.map((item) => item.id)).not.toContain(later.body.items[0].id);
  });

  it('carries no personal data: contact e-mails are not in any payload, not even encrypted', async () => {
    const { items } = await readAll(t.officer, 500);
    const registered = items.find((item) => item.type === 'OrganizationRegistered');
    expect(registered.data.contactEmail).toBeNull();
    const text = JSON.stringify(items);
    expect(text).not.toMatch(/@.*\.example/);
    expect(text).not.toContain('pd:v1:');
  });

  it('refuses a cursor it did not hand out (400 naming after)', async () => {
    const answer = await feed.get('/v1/feed?after=bm9wZQ', { token: t.officer });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'after' })]);
  });
});
