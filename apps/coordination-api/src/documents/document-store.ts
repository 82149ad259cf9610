import { DocumentCatalog, openDocumentBytes, type DocumentBytes } from '@multitrack/documents';
import type { Database } from '@multitrack/database';
import type { DocumentSettings } from './document-settings';

/** A document's record and its bytes, apart from the log (decision 0220). */
export class DocumentStore {
  constructor(
    readonly catalog: DocumentCatalog,
    readonly bytes: DocumentBytes,
  ) {}

  static async open(db: Database, settings: DocumentSettings): Promise<DocumentStore> {
    return new DocumentStore(await DocumentCatalog.open(db), await openDocumentBytes(db, settings.dataDir));
  }
}
