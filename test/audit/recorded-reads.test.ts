import { AuditApp, openAuditApp } from './harness';
import { seedFundingStory } from './seed';

jest.setTimeout(120_000);

interface RecordedRead {
  type: string;
  data: { method: string; path: string; query: Record<string, unknown>; actor: { sub: string } };
}

describe.each(['postgres', 'pglite'] as const)('what the audit API records of its reads, on %s', (kind) => {
  let audit: AuditApp;
  let treeSize: number;

  beforeAll(async () => {
    audit = await openAuditApp(kind);
    await seedFundingStory(audit.store, 1);
    treeSize = await audit.settle();
  });
  afterAll(() => audit?.close());

  /** Every AuditRecordRead in the log so far, read from the store itself (reading them through the API would add one). */
  const recordedReads = async (): Promise<RecordedRead[]> => {
    const reads: RecordedRead[] = [];
    for await (const event of audit.store.readAll({ asStored: true }))
      if (event.type === 'AuditRecordRead') reads.push(event as unknown as RecordedRead);
    return reads;
  };

  it('records nothing of a read it refuses with 400, however long or unknown its parameters', async () => {
    const before = (await recordedReads()).length;
    const note = 'x'.repeat(8000);
    for (const path of [
      `/v1/audit/events?note=${note}`,
      `/v1/audit/events?limit=0`,
      `/v1/audit/integrity?note=${note}`,
      `/v1/audit/export/funding.csv?note=${note}`,
      `/v1/audit/export/iati?x=1`,
      `/v1/audit/ledger?asOf=2026-12-01T10:00:00.${'1'.repeat(100)}Z`,
      `/v1/audit/entities/match-mat-1?asOf=yesterday`,
      `/v1/audit/streams/${'a'.repeat(400)}/events`,
      '/v1/audit/streams/%24settings/events',
    ]) {
      const response = await audit.get(path);
      expect({ path: path.slice(0, 60), status: response.status }).toEqual({
        path: path.slice(0, 60),
        status: 400,
      });
    }
    const refused = await fetch(`${audit.url}/v1/audit/reconciliations?note=${note}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await audit.token('auditor')}` },
    });
    expect(refused.status).toBe(400);
    expect(await recordedReads()).toHaveLength(before);
  });

  it('records a served read with its validated parameters only, as numbers and bounded text', async () => {
    expect((await audit.get(`/v1/audit/events?fromPosition=${'0'.repeat(3000)}3&limit=02`)).status).toBe(200);
    expect((await audit.get('/v1/audit/streams/match-mat-1/events?limit=5')).status).toBe(200);
    expect((await audit.get('/v1/audit/entities/match-mat-9')).status).toBe(404);
    const reads = (await recordedReads()).slice(-3).map((read) => [read.data.path, read.data.query]);
    expect(reads).toEqual([
      ['/v1/audit/events', { fromPosition: 3, limit: 2 }],
      ['/v1/audit/streams/match-mat-1/events', { streamId: 'match-mat-1', limit: 5 }],
      // A lookup that found nothing was still a look at the record: recorded.
      ['/v1/audit/entities/match-mat-9', { streamId: 'match-mat-9' }],
    ]);
    for (const read of await recordedReads()) expect(JSON.stringify(read.data).length).toBeLessThan(1000);
  });

  it('appends nothing for reads of the public transparency material, however often a witness polls it', async () => {
    const size = await audit.settle();
    const paths = [
      '/v1/audit/checkpoints/latest',
      `/v1/audit/checkpoints/${treeSize}`,
      '/v1/audit/public-key',
      '/v1/audit/public-keys',
      `/v1/audit/proofs/consistency?from=1&to=${treeSize}`,
    ];
    for (let round = 0; round < 60; round++)
      for (const path of paths) {
        const response = await audit.get(path, 'witness');
        expect({ path, status: response.status }).toEqual({ path, status: 200 });
      }
    // The log stood still: no new leaf, so no new checkpoint for the witness to chase.
    expect(await audit.settle()).toBe(size);
  });
});
