import { createTestDatabase, Database } from '@multitrack/database';
import { event, numbered, readAllOf, uniqueStream } from '../contract/harness';
import { ConcurrencyError, DuplicateEventError } from '../errors';
import { eventIdFor } from '../event-ids';
import { findFirstBrokenEvent } from '../hash-chain';
import { commitBatch } from './commit-batch';
import { migrateEventStore } from './event-store.migrations';
import { createPostgresEventStore } from './postgres.event-store';

describe.each(['postgres', 'pglite'] as const)('group commit on %s', (kind) => {
  let db: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(kind));
    await migrateEventStore(db);
  }, 60_000);
  afterAll(() => drop());

  it('writes a batch in one transaction, each append settled on its own and chained in revision order', async () => {
    const store = createPostgresEventStore(db, { groupCommit: false });
    const prefix = uniqueStream('batch');
    const existing = `${prefix}-existing`;
    await store.appendToStream(existing, numbered(2), { expectedRevision: 'no_stream' });
    const taken = {
      ...event('OfferSubmitted'),
      eventId: eventIdFor(event('x', {}, { idempotencyKey: prefix }), 's', 0),
    };
    await store.appendToStream(`${prefix}-owner`, [taken], { expectedRevision: 'no_stream' });

    const settled = await commitBatch(db, [
      [{ streamId: `${prefix}-a`, events: numbered(2), expectedRevision: 'no_stream' }],
      [{ streamId: existing, events: numbered(1, 2), expectedRevision: 1 }],
      [{ streamId: `${prefix}-b`, events: [taken], expectedRevision: 'no_stream' }],
      [{ streamId: existing, events: numbered(1, 9), expectedRevision: 1 }],
      [{ streamId: `${prefix}-a`, events: numbered(1, 2), expectedRevision: 1 }],
      [{ streamId: `${prefix}-c`, events: [], expectedRevision: 'no_stream' }],
    ]);

    expect(settled.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'rejected',
      'fulfilled',
      'rejected',
    ]);
    expect(settled[1]).toMatchObject({ value: [{ nextRevision: 2 }] });
    expect(settled[2]).toMatchObject({ reason: expect.any(DuplicateEventError) });
    expect(settled[3]).toMatchObject({ reason: expect.any(ConcurrencyError) });
    expect(settled[3]).toMatchObject({ reason: { expected: 1, actual: 2 } });
    expect(settled[4]).toMatchObject({ value: [{ nextRevision: 2 }] });
    expect(settled[5]).toMatchObject({ reason: { message: expect.stringMatching(/at least one event/) } });
    // Written together: one transaction id for every event the batch stored.
    const { rows } = await db.query<{ transactions: number }>(
      `SELECT count(DISTINCT transaction_id)::int AS transactions FROM events WHERE stream_id = ANY($1) AND stream_version >= $2`,
      [[`${prefix}-a`, existing], 2],
    );
    expect(rows[0].transactions).toBe(1);
    const a = await store.readStream(`${prefix}-a`);
    expect(a.map((e) => e.data.n)).toEqual([0, 1, 2]);
    expect(findFirstBrokenEvent(a)).toBeUndefined();
    expect(await store.readStream(`${prefix}-b`)).toEqual([]);
    const inLog = await readAllOf(store, prefix);
    // The global log keeps every stream's revisions in order.
    for (const streamId of [`${prefix}-a`, existing])
      expect(inLog.filter((e) => e.streamId === streamId).map((e) => e.revision)).toEqual([0, 1, 2]);
  });

  it('undoes a whole commit when one of its appends conflicts, and keeps the other commits of the batch', async () => {
    const store = createPostgresEventStore(db, { groupCommit: false });
    const prefix = uniqueStream('atomic');
    await store.appendToStream(`${prefix}-moved`, numbered(2), { expectedRevision: 'no_stream' });

    const settled = await commitBatch(db, [
      [
        { streamId: `${prefix}-fresh`, events: numbered(1), expectedRevision: 'no_stream' },
        { streamId: `${prefix}-moved`, events: numbered(1, 2), expectedRevision: 0 },
      ],
      [
        { streamId: `${prefix}-one`, events: numbered(1), expectedRevision: 'no_stream' },
        { streamId: `${prefix}-moved`, events: numbered(1, 2), expectedRevision: 1 },
      ],
    ]);

    expect(settled[0]).toMatchObject({
      status: 'rejected',
      reason: { streamId: `${prefix}-moved`, expected: 0, actual: 1 },
    });
    expect(settled[1]).toMatchObject({
      status: 'fulfilled',
      value: [{ nextRevision: 0 }, { nextRevision: 2 }],
    });
    expect(await store.readStream(`${prefix}-fresh`)).toEqual([]);
    expect((await store.readStream(`${prefix}-moved`)).map((e) => e.data.n)).toEqual([0, 1, 2]);
  });

  it('coalesces concurrent appends into fewer transactions than appends', async () => {
    const store = createPostgresEventStore(db, { groupCommit: { maxInFlight: 1 } });
    const prefix = uniqueStream('coalesced');
    await Promise.all(
      Array.from({ length: 60 }, (_, n) =>
        store.appendToStream(`${prefix}-${n}`, numbered(1), { expectedRevision: 'no_stream' }),
      ),
    );
    const { rows } = await db.query<{ transactions: number; events: number }>(
      `SELECT count(DISTINCT transaction_id)::int AS transactions, count(*)::int AS events FROM events WHERE stream_id LIKE $1`,
      [`${prefix}-%`],
    );
    expect(rows[0].events).toBe(60);
    // The first goes alone; the 59 that queued behind it go in batches of up to 50.
    expect(rows[0].transactions).toBe(3);
  });
});
