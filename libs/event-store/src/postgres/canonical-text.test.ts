import canonicalize from 'canonicalize';
import { createTestDatabase, Database } from '@multitrack/database';
import { EventStore } from '../event-store.port';
import { hashCanonicalFields } from '../hash-chain';
import { event, hashedLogOf, uniqueStream } from '../contract/harness';
import { migrateEventStore } from './event-store.migrations';
import { createPostgresEventStore } from './postgres.event-store';

const data = {
  title: 'Generators for Malakal',
  budget: { amount: '1500.00', currency: 'USD' },
  note: 'ü 😀 "q"',
};

/** Each stored event's hash recomputed from the text the hashed log hands out. */
const recomputes = async (store: EventStore, streamId: string) =>
  (await hashedLogOf(store, streamId, 3)).map((e) => hashCanonicalFields(e) === e.hash);

describe.each(['postgres', 'pglite'] as const)('the canonical text kept beside the payload on %s', (kind) => {
  let db: Database;
  let drop: () => Promise<void>;
  let store: EventStore;
  let streamId: string;

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase(kind));
    await migrateEventStore(db);
    store = createPostgresEventStore(db);
  }, 60_000);
  afterAll(() => drop());

  beforeEach(async () => {
    streamId = uniqueStream('request');
    await store.appendToStream(
      streamId,
      [event('HelpRequestPublished', data), event('NoteTaken', { n: 1 }), event('NoteTaken', { n: 2 })],
      {
        expectedRevision: 'no_stream',
      },
    );
  });

  const rewrite = (assignments: string, revision: number) =>
    db.query(`UPDATE events SET ${assignments} WHERE stream_id = $1 AND stream_version = $2`, [
      streamId,
      revision,
    ]);

  it('is exactly the text each hash was computed from', async () => {
    const { rows } = await db.query<{ canonical_data: string; canonical_metadata: string }>(
      'SELECT canonical_data, canonical_metadata FROM events WHERE stream_id = $1 ORDER BY stream_version',
      [streamId],
    );
    const stored = await store.readStream(streamId, { asStored: true });

    expect(rows.map((row) => [row.canonical_data, row.canonical_metadata])).toEqual(
      stored.map((e) => [canonicalize(e.data), canonicalize(e.metadata)]),
    );
    expect(await recomputes(store, streamId)).toEqual([true, true, true]);
  });

  it('is not needed for events appended before it existed: their jsonb is canonicalised', async () => {
    await rewrite('canonical_data = NULL, canonical_metadata = NULL', 0);

    const [first] = await hashedLogOf(store, streamId, 3);

    expect(first.canonicalData).toBe(canonicalize(data));
    expect(await recomputes(store, streamId)).toEqual([true, true, true]);
  });

  it('names an event whose jsonb was edited, whether or not its text was edited the same way', async () => {
    await rewrite(`data = jsonb_set(data, '{n}', '9')`, 1);
    await rewrite(`data = jsonb_set(data, '{n}', '9'), canonical_data = '{"n":9}'`, 2);

    expect(await recomputes(store, streamId)).toEqual([true, false, false]);
  });

  it('is never served in place of the jsonb it no longer equals, even when it is not JSON', async () => {
    await rewrite(`canonical_data = '{"title":"Rewritten"}'`, 0);
    await rewrite(`canonical_metadata = 'not json at all'`, 2);

    const hashed = await hashedLogOf(store, streamId, 3);

    expect(hashed[0].canonicalData).toBe(canonicalize(data));
    expect(hashed[2].canonicalData).toBe('{"n":2}');
    expect(await recomputes(store, streamId)).toEqual([true, true, true]);
  });
});
