import type { Readable } from 'node:stream';

/** Bytes `start` to `end`, both included (RFC 9110 ranges). */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Where a document's bytes live, apart from the log (which keeps only their SHA-256). One
 * contract (contract/document-bytes.contract.ts) holds for every adapter: files under DATA_DIR on
 * the embedded default, chunked `bytea` rows on the PostgreSQL server (decision 0220).
 */
export interface DocumentBytes {
  readonly adapter: 'files' | 'postgres';
  /**
   * Stores everything `source` yields under `id`, which `open` finds only once it is whole: a
   * failure half-way (the source throws, the process dies) leaves nothing readable. Overwrites.
   */
  write(id: string, source: AsyncIterable<Uint8Array>): Promise<{ size: number }>;
  /** The bytes (or a range of them) as a stream, or undefined when nothing whole is stored. */
  open(id: string, range?: ByteRange): Promise<Readable | undefined>;
  /** Idempotent. */
  remove(id: string): Promise<void>;
}
