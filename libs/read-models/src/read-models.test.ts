import { createTestDatabase, type Database } from '@multitrack/database';
import {
  applyEvents,
  asEnvelopes,
  cooperationMetrics,
  findMatch,
  findOffer,
  findOrganization,
  findRequest,
  fundingLedger,
  fundingStory,
  installReadModel,
  listOffersForRequest,
  listRequests,
  readModels,
  requestsReadModel,
  waitForRevision,
} from '@multitrack/read-models';
import { topicForStream, type EventEnvelope } from '@multitrack/messaging';

const projectAll = async (db: Database, events: EventEnvelope[]) => {
  for (const model of readModels) {
    const mine = events.filter((event) => model.topics.includes(topicForStream(event.streamId)));
    await db.transaction((tx) => applyEvents(tx, model, model.schema, mine));
  }
};

describe.each(['pglite', 'postgres'] as const)('the read models on %s', (kind) => {
  let db: Database;
  let drop: () => Promise<void>;
  const story = asEnvelopes(fundingStory(1));

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(kind));
    for (const model of readModels) await installReadModel(db, model);
    await projectAll(db, story);
  });
  afterAll(() => drop());

  it('show a matched request with its live offers counted', async () => {
    expect(await findRequest(db, 'req-1')).toMatchObject({
      id: 'req-1',
      status: 'matched',
      offerCount: 2,
      budget: { amount: '250000.00', currency: 'USD' },
      tracks: [2, 4],
      revision: 1,
    });
  });

  it('show offers with their outcome', async () => {
    expect(await findOffer(db, 'off-1-a')).toMatchObject({
      status: 'accepted',
      matchId: 'mat-1',
      revision: 1,
    });
    const page = await listOffersForRequest(db, 'req-1', { organizationId: 'GB-COH-1' });
    expect(page.items.map((offer) => [offer.id, offer.status])).toEqual([['off-1-b', 'declined']]);
  });

  it('show an organisation with its contact ciphertext', async () => {
    expect(await findOrganization(db, 'US-EIN-100001')).toMatchObject({
      status: 'vetted',
      contactEmailCiphertext: 'ciphertext:abc',
      personalDataErased: false,
    });
  });

  it('show a match with its money and tranches', async () => {
    const match = await findMatch(db, 'mat-1');
    expect(match).toMatchObject({
      committed: { amount: '200000.00', currency: 'USD' },
      disbursed: { amount: '50000.00', currency: 'USD' },
      pendingApproval: { amount: '120000.00', currency: 'USD' },
      confirmedReceived: { amount: '49990.00', currency: 'USD' },
      reportedExpenditure: { amount: '30000.00', currency: 'USD' },
      revision: 6,
    });
    expect(match!.disbursements).toEqual([
      {
        id: 'dis-1-1',
        amount: { amount: '50000.00', currency: 'USD' },
        reference: 'TR-1',
        status: 'disbursed',
        requestedBy: 'officer-1',
        receipt: {
          amount: { amount: '49990.00', currency: 'USD' },
          receivedOn: '2026-12-04',
          discrepancy: {
            expected: { amount: '50000.00', currency: 'USD' },
            received: { amount: '49990.00', currency: 'USD' },
          },
        },
      },
      {
        id: 'dis-1-2',
        amount: { amount: '120000.00', currency: 'USD' },
        reference: 'TR-2',
        status: 'pending_approval',
        requestedBy: 'officer-1',
      },
    ]);
  });

  it('keep a funding ledger by track with discrepancies and what is outstanding', async () => {
    const byTrack = await fundingLedger(db, 'track');
    expect(byTrack.map((line) => line.key)).toEqual(['2', '4']);
    expect(byTrack[0]).toMatchObject({
      currency: 'USD',
      outstanding: { amount: '150000.00', currency: 'USD' },
      discrepancies: { count: 1, amount: { amount: '10.00', currency: 'USD' } },
    });
  });

  it('measure how fast a request found an offer, a match and money', async () => {
    const [kenya] = await cooperationMetrics(db, 'country');
    expect(kenya).toMatchObject({ key: 'KE', requests: 1, matched: 1, matchRate: 1 });
    expect(kenya.daysToFirstOffer).toBeCloseTo(1 / 24);
    expect(kenya.disbursementVelocity[0].perDay.currency).toBe('USD');
  });

  it('change nothing when the same events come again', async () => {
    const before = await findMatch(db, 'mat-1');
    await projectAll(db, story);
    expect(await findMatch(db, 'mat-1')).toEqual(before);
    expect((await findRequest(db, 'req-1'))!.offerCount).toBe(2);
  });

  it('stop at an event that skips a revision of its stream', async () => {
    const skipping = { ...story[2], revision: 5, position: 999 };
    const outcome = await db.transaction((tx) =>
      applyEvents(tx, requestsReadModel, requestsReadModel.schema, [skipping]),
    );
    expect(outcome.gap).toMatchObject({ index: 0, expected: 2 });
  });

  it('page through requests with an opaque cursor and filters', async () => {
    await projectAll(db, asEnvelopes(fundingStory(2), 100).concat(asEnvelopes(fundingStory(3), 200)));
    const first = await listRequests(db, { country: 'KE', track: 4 }, { limit: 2 });
    expect(first.items.map((request) => request.id)).toEqual(['req-3', 'req-2']);
    const second = await listRequests(
      db,
      { country: 'KE', track: 4 },
      { limit: 2, cursor: first.nextCursor! },
    );
    expect(second).toEqual({ items: [expect.objectContaining({ id: 'req-1' })], nextCursor: null });
    expect((await listRequests(db, { status: 'open' })).items).toEqual([]);
  });

  it('wait for a revision the read model reached, and give up on one it did not', async () => {
    expect(await waitForRevision(db, requestsReadModel, 'req-1', 1, 1000)).toBe(true);
    expect(await waitForRevision(db, requestsReadModel, 'req-1', 7, 50)).toBe(false);
  });
});
