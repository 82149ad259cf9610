import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@multitrack/database';
import { DocumentCatalog } from './document-catalog';
import type { DocumentBytes } from './document-bytes.port';
import { openDocumentBytes } from './open-document-bytes';
import { sweepUnattached } from './sweep-unattached';

async function* once(text: string): AsyncGenerator<Buffer> {
  yield Buffer.from(text);
}

describe.each(['pglite', 'postgres'] as const)('the document catalog and its sweeper (%s)', (kind) => {
  let testDb: TestDatabase;
  let dir: string;
  let catalog: DocumentCatalog;
  let bytes: DocumentBytes;
  beforeAll(async () => {
    testDb = await createTestDatabase(kind);
    dir = await mkdtemp(join(tmpdir(), 'multitrack-catalog-'));
    catalog = await DocumentCatalog.open(testDb.db);
    bytes = await openDocumentBytes(testDb.db, dir);
  });
  afterAll(async () => {
    await testDb.drop();
    await rm(dir, { recursive: true, force: true });
  });

  const upload = async (text: string, finish = true) => {
    const id = randomUUID();
    await catalog.begin({ id, mediaType: 'text/plain', uploadedBy: 'alice', organizationId: 'GB-CHC-1' });
    if (!finish) return id;
    const { size } = await bytes.write(id, once(text));
    await catalog.complete(id, { sha256: 'f'.repeat(64), size });
    return id;
  };

  it('stores files under DATA_DIR beside PGlite, and rows on the PostgreSQL server', () =>
    expect(bytes.adapter).toBe(kind === 'pglite' ? 'files' : 'postgres'));

  it('finds a finished upload with the streams it is filed with, never one still arriving', async () => {
    const finished = await upload('receipt');
    const arriving = await upload('report', false);
    await catalog.attach(finished, 'match-m1');
    expect(await catalog.find(finished)).toMatchObject({
      id: finished,
      size: 7,
      mediaType: 'text/plain',
      uploadedBy: 'alice',
      organizationId: 'GB-CHC-1',
      attachedTo: ['match-m1'],
    });
    expect(await catalog.find(arriving)).toBeUndefined();
    expect(await catalog.find('not-a-uuid')).toBeUndefined();
  });

  it('sweeps what was never attached once the retention has passed, and nothing else', async () => {
    const attached = await upload('agreement');
    const unattached = await upload('draft');
    const abandoned = await upload('half', false);
    await catalog.attach(attached, 'offer-o1');
    expect(await sweepUnattached(catalog, bytes, 24)).toBe(0);

    const later = new Date(Date.now() + 25 * 3_600_000);
    expect(await sweepUnattached(catalog, bytes, 24, later)).toBeGreaterThanOrEqual(2);
    expect(await catalog.find(unattached)).toBeUndefined();
    expect(await bytes.open(unattached)).toBeUndefined();
    expect(await catalog.unattachedBefore(later)).not.toContain(abandoned);
    expect(await catalog.find(attached)).toBeDefined();
    expect(await bytes.open(attached)).toBeDefined();
  });

  it('undoes an attachment the log refused, so the sweeper takes the document again', async () => {
    const id = await upload('wrong entity');
    await catalog.attach(id, 'request-r1');
    await catalog.detach(id, 'request-r1');
    expect(await catalog.unattachedBefore(new Date(Date.now() + 1000))).toContain(id);
  });
});
