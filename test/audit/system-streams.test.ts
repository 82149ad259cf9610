import { AuditApp, openAuditApp } from './harness';
import { seedFundingStory } from './seed';

jest.setTimeout(120_000);

const esdb = process.env.EVENTSTORE_CONNECTION_STRING;
const adapters = ['postgres', 'pglite', ...(esdb ? ['eventstoredb' as const] : [])] as const;
if (!esdb)
  process.stderr.write(
    '\nEventStoreDB system-stream tests SKIPPED: EVENTSTORE_CONNECTION_STRING is not set\n',
  );

const metadata = {
  actor: { sub: 'store-admin', roles: ['admin'] },
  correlationId: 'system',
  occurredAt: '2030-01-01T00:00:00.000Z',
  schemaVersion: 1,
};

/** System streams of EventStoreDB (settings, stream metadata, projections) and one any adapter could hold. */
const systemStreams = [
  '$settings',
  '$$match-mat-1',
  '$ce-match',
  '$et-FundsCommitted',
  '$all',
  '$secrets-of-the-store',
];

describe.each(adapters)('system streams through the audit API on %s', (kind) => {
  let audit: AuditApp;

  beforeAll(async () => {
    audit = await openAuditApp(kind);
    await seedFundingStory(audit.store, 1);
    // The SQL adapters take any stream name: a `$` stream written there must stay as hidden as EventStoreDB's own.
    if (kind !== 'eventstoredb')
      await audit.store.appendToStream(
        '$secrets-of-the-store',
        [{ type: 'StoreSecret', data: { password: 'hunter2' }, metadata }],
        { expectedRevision: 'any' },
      );
  });
  afterAll(() => audit?.close());

  it('answers 400 naming streamId for every $-stream on every route that takes a stream id, and shows none of it', async () => {
    for (const streamId of systemStreams)
      for (const path of [
        `/v1/audit/streams/${encodeURIComponent(streamId)}/events`,
        `/v1/audit/entities/${encodeURIComponent(streamId)}`,
      ]) {
        const response = await audit.get(path);
        const text = await response.text();
        expect({ path, status: response.status }).toEqual({ path, status: 400 });
        expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(JSON.parse(text).errors).toEqual([
          { field: 'streamId', message: 'system streams ($…) are not part of the audited log' },
        ]);
        expect(text).not.toContain('hunter2');
      }
  });

  it('leaves system streams out of the global log and its export', async () => {
    const page = await audit.get('/v1/audit/events?limit=500');
    expect(page.status).toBe(200);
    const { items } = (await page.json()) as { items: { streamId: string }[] };
    expect(items.length).toBeGreaterThan(0);
    expect(items.filter((event) => event.streamId.startsWith('$'))).toEqual([]);
    const exported = await audit.get('/v1/audit/export');
    expect(exported.status).toBe(200);
    expect(await exported.text()).not.toContain('hunter2');
  });

  it('refuses stream ids that are no stream of the log, and still serves the ones that are', async () => {
    for (const streamId of ['Match-1', '-1', 'match-', 'a'.repeat(300), 'match-x y']) {
      const response = await audit.get(`/v1/audit/streams/${encodeURIComponent(streamId)}/events`);
      expect({ streamId, status: response.status }).toEqual({ streamId, status: 400 });
    }
    const served = await audit.get('/v1/audit/streams/match-mat-1/events');
    expect(served.status).toBe(200);
    expect(((await served.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);
    expect((await audit.get('/v1/audit/entities/match-mat-1')).status).toBe(200);
  });
});
