import { join } from 'node:path';
import type { Database } from '@multitrack/database';
import type { DocumentBytes } from './document-bytes.port';
import { fileDocumentBytes } from './file-document-bytes';
import { postgresDocumentBytes } from './postgres-document-bytes';

/**
 * The adapter that goes with the database: files under DATA_DIR beside the embedded PGlite (one
 * directory to back up), rows on a PostgreSQL server, which every replica of the real stack shares.
 */
export const openDocumentBytes = (db: Database, dataDir: string): Promise<DocumentBytes> =>
  db.kind === 'pglite' ? fileDocumentBytes(join(dataDir, 'documents')) : postgresDocumentBytes(db);
