import { Readable } from 'node:stream';
import { migrate, type Database } from '@multitrack/database';
import type { ByteRange, DocumentBytes } from './document-bytes.port';

/** Every chunk but a document's last is exactly this long, so a range names its chunks by arithmetic. */
export const CHUNK_BYTES = 1024 * 1024;
/** Chunks fetched per query while a document streams out: at most this many MiB in memory at once. */
const CHUNKS_PER_READ = 4;

export const postgresDocumentBytesMigrations = [
  {
    version: 1,
    name: 'document chunks',
    sql: `
      CREATE TABLE document_chunks (
        document_id text NOT NULL,
        seq         int4 NOT NULL,
        bytes       bytea NOT NULL,
        PRIMARY KEY (document_id, seq)
      );
      -- A document is readable once its row is here: written after its last chunk.
      CREATE TABLE document_blobs (
        document_id text PRIMARY KEY,
        size        int8 NOT NULL,
        chunks      int4 NOT NULL
      );`,
  },
];

const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Cuts whatever the source yields into chunks of exactly CHUNK_BYTES (the last one shorter). */
async function* rechunked(source: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let length = 0;
  for await (const piece of source) {
    let chunk = asBuffer(piece);
    while (length + chunk.length >= CHUNK_BYTES) {
      const take = CHUNK_BYTES - length;
      yield Buffer.concat([...pending, chunk.subarray(0, take)]);
      chunk = chunk.subarray(take);
      pending = [];
      length = 0;
    }
    if (chunk.length > 0) {
      pending.push(Buffer.from(chunk));
      length += chunk.length;
    }
  }
  if (length > 0) yield Buffer.concat(pending);
}

/**
 * The real stack's adapter: a document as rows of 1 MiB `bytea` (decision 0220), one statement per
 * chunk and no long transaction, so an upload holds no pooled connection while the client sends.
 * The `document_blobs` row, written last, is what makes the chunks a document.
 */
export const postgresDocumentBytes = async (db: Database): Promise<DocumentBytes> => {
  await migrate(db, 'documents.bytes', postgresDocumentBytesMigrations);
  const remove = async (id: string) => {
    await db.query('DELETE FROM document_blobs WHERE document_id = $1', [id]);
    await db.query('DELETE FROM document_chunks WHERE document_id = $1', [id]);
  };
  return {
    adapter: 'postgres',
    async write(id, source) {
      await remove(id);
      let seq = 0;
      let size = 0;
      try {
        for await (const chunk of rechunked(source)) {
          await db.query('INSERT INTO document_chunks (document_id, seq, bytes) VALUES ($1, $2, $3)', [
            id,
            seq,
            chunk,
          ]);
          seq += 1;
          size += chunk.length;
        }
        await db.query('INSERT INTO document_blobs (document_id, size, chunks) VALUES ($1, $2, $3)', [
          id,
          size,
          seq,
        ]);
      } catch (error) {
        await remove(id);
        throw error;
      }
      return { size };
    },
    async open(id, range?: ByteRange) {
      const { rows } = await db.query<{ size: string | number }>(
        'SELECT size FROM document_blobs WHERE document_id = $1',
        [id],
      );
      if (rows.length === 0) return undefined;
      const size = Number(rows[0].size);
      const start = range?.start ?? 0;
      const end = Math.min(range?.end ?? size - 1, size - 1);
      async function* chunks(): AsyncGenerator<Buffer> {
        if (end < start) return;
        const last = Math.floor(end / CHUNK_BYTES);
        for (let from = Math.floor(start / CHUNK_BYTES); from <= last; from += CHUNKS_PER_READ) {
          const page = await db.query<{ seq: number; bytes: Uint8Array }>(
            'SELECT seq, bytes FROM document_chunks WHERE document_id = $1 AND seq BETWEEN $2 AND $3 ORDER BY seq',
            [id, from, Math.min(from + CHUNKS_PER_READ - 1, last)],
          );
          for (const row of page.rows) {
            const offset = row.seq * CHUNK_BYTES;
            const bytes = asBuffer(row.bytes);
            yield bytes.subarray(Math.max(0, start - offset), Math.min(bytes.length, end - offset + 1));
          }
        }
      }
      return Readable.from(chunks(), { objectMode: false });
    },
    remove,
  };
};
