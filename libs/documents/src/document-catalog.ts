import { migrate, type Database } from '@multitrack/database';

export const documentCatalogMigrations = [
  {
    version: 1,
    name: 'documents and their attachments',
    sql: `
      -- One row per upload, made before its first byte is stored: an upload that never finishes
      -- (the client goes away, the process dies) is still found and swept. sha256 and size are
      -- set once the bytes are whole.
      CREATE TABLE documents (
        id              uuid PRIMARY KEY,
        media_type      text NOT NULL,
        filename        text,
        uploaded_by     text NOT NULL,
        organization_id text,
        uploaded_at     timestamptz NOT NULL DEFAULT now(),
        sha256          text,
        size            int8,
        -- A personal document: its own key wrapped by the organisation's personal-data key, and
        -- the AES-GCM nonce and tag of its bytes (decision 0222).
        sealed_key      text,
        sealed_iv       text,
        sealed_tag      text
      );
      -- The streams a document was filed with (written before the event, so the sweeper never
      -- takes a document being attached); whether the event exists is the log's to say.
      CREATE TABLE document_attachments (
        document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        stream_id   text NOT NULL,
        PRIMARY KEY (document_id, stream_id)
      );
      CREATE INDEX documents_unattached ON documents (uploaded_at);`,
  },
];

export interface Sealed {
  wrappedKey: string;
  iv: string;
  tag: string;
}

export interface StoredDocument {
  id: string;
  sha256: string;
  size: number;
  mediaType: string;
  filename: string | null;
  uploadedBy: string;
  organizationId: string | null;
  uploadedAt: string;
  /** Set for a personal document. */
  sealed?: Sealed;
  /** The streams it was filed with. */
  attachedTo: string[];
}

interface Row {
  id: string;
  media_type: string;
  filename: string | null;
  uploaded_by: string;
  organization_id: string | null;
  uploaded_at: Date | string;
  sha256: string;
  size: string | number;
  sealed_key: string | null;
  sealed_iv: string | null;
  sealed_tag: string | null;
  attached_to: string[] | null;
}

const toDocument = (row: Row): StoredDocument => ({
  id: row.id,
  sha256: row.sha256,
  size: Number(row.size),
  mediaType: row.media_type,
  filename: row.filename,
  uploadedBy: row.uploaded_by,
  organizationId: row.organization_id,
  uploadedAt: new Date(row.uploaded_at).toISOString(),
  ...(row.sealed_key && {
    sealed: { wrappedKey: row.sealed_key, iv: row.sealed_iv as string, tag: row.sealed_tag as string },
  }),
  attachedTo: row.attached_to ?? [],
});

/** What is known of each document besides its bytes, in the app's database (both modes). */
export class DocumentCatalog {
  private constructor(private readonly db: Database) {}

  static async open(db: Database): Promise<DocumentCatalog> {
    await migrate(db, 'documents.catalog', documentCatalogMigrations);
    return new DocumentCatalog(db);
  }

  async begin(document: {
    id: string;
    mediaType: string;
    filename?: string;
    uploadedBy: string;
    organizationId?: string;
  }): Promise<void> {
    await this.db.query(
      `INSERT INTO documents (id, media_type, filename, uploaded_by, organization_id) VALUES ($1, $2, $3, $4, $5)`,
      [
        document.id,
        document.mediaType,
        document.filename ?? null,
        document.uploadedBy,
        document.organizationId ?? null,
      ],
    );
  }

  async complete(id: string, { sha256, size, sealed }: { sha256: string; size: number; sealed?: Sealed }) {
    await this.db.query(
      `UPDATE documents SET sha256 = $2, size = $3, sealed_key = $4, sealed_iv = $5, sealed_tag = $6 WHERE id = $1`,
      [id, sha256, size, sealed?.wrappedKey ?? null, sealed?.iv ?? null, sealed?.tag ?? null],
    );
  }

  /** A document whose upload finished; undefined for an unknown id or one still arriving. */
  async find(id: string): Promise<StoredDocument | undefined> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
    const { rows } = await this.db.query<Row>(
      `SELECT d.*, (SELECT array_agg(a.stream_id ORDER BY a.stream_id) FROM document_attachments a
                     WHERE a.document_id = d.id) AS attached_to
         FROM documents d WHERE d.id = $1 AND d.sha256 IS NOT NULL`,
      [id],
    );
    return rows[0] && toDocument(rows[0]);
  }

  async attach(id: string, streamId: string): Promise<void> {
    await this.db.query(
      'INSERT INTO document_attachments (document_id, stream_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [id, streamId],
    );
  }

  /** Undoes `attach` when the log refused the attachment. */
  async detach(id: string, streamId: string): Promise<void> {
    await this.db.query('DELETE FROM document_attachments WHERE document_id = $1 AND stream_id = $2', [
      id,
      streamId,
    ]);
  }

  /** Uploads filed with nothing (finished or not) that began before `cutoff`. */
  async unattachedBefore(cutoff: Date, limit = 500): Promise<string[]> {
    const { rows } = await this.db.query<{ id: string }>(
      `SELECT id FROM documents d WHERE uploaded_at < $1
          AND NOT EXISTS (SELECT 1 FROM document_attachments a WHERE a.document_id = d.id)
        ORDER BY uploaded_at LIMIT $2`,
      [cutoff.toISOString(), limit],
    );
    return rows.map((row) => row.id);
  }

  /** Removes an unattached document's row; false when it was attached meanwhile (then it stays). */
  async removeUnattached(id: string): Promise<boolean> {
    const { rowCount } = await this.db.query(
      `DELETE FROM documents d WHERE id = $1
          AND NOT EXISTS (SELECT 1 FROM document_attachments a WHERE a.document_id = d.id)`,
      [id],
    );
    return rowCount > 0;
  }
}
