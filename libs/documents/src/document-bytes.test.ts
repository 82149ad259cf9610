import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@multitrack/database';
import { documentBytesContract } from './contract/document-bytes.contract';
import type { DocumentBytes } from './document-bytes.port';
import { fileDocumentBytes } from './file-document-bytes';
import { postgresDocumentBytes } from './postgres-document-bytes';

describe('files under DATA_DIR (the embedded default)', () => {
  let dir: string;
  let bytes: DocumentBytes;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'multitrack-documents-'));
    bytes = await fileDocumentBytes(join(dir, 'documents'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  documentBytesContract(() => bytes);

  it('leaves no temporary file behind, after a success or a failure', async () => {
    const names = await readdir(join(dir, 'documents'));
    expect(names.filter((name) => name.endsWith('.part'))).toEqual([]);
  });

  it('refuses an id that could name a path elsewhere', async () => {
    await expect(bytes.open('../pglite')).rejects.toThrow(TypeError);
  });
});

describe('chunked bytea rows on the PostgreSQL server (the real stack)', () => {
  let testDb: TestDatabase;
  let bytes: DocumentBytes;
  beforeAll(async () => {
    testDb = await createTestDatabase('postgres');
    bytes = await postgresDocumentBytes(testDb.db);
  });
  afterAll(() => testDb.drop());

  documentBytesContract(() => bytes);

  it('leaves no chunk behind once a failed or removed document is gone', async () => {
    const { rows } = await testDb.db.query<{ orphans: string }>(
      `SELECT count(*) AS orphans FROM document_chunks c
        WHERE NOT EXISTS (SELECT 1 FROM document_blobs b WHERE b.document_id = c.document_id)`,
    );
    expect(Number(rows[0].orphans)).toBe(0);
  });
});
