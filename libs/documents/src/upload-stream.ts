import { createHash } from 'node:crypto';
import { bytesAre, HEAD_BYTES } from './media-types';

/** More bytes than DOCUMENT_MAX_BYTES: the API's 413. */
export class DocumentTooLargeError extends Error {
  override readonly name = 'DocumentTooLargeError';
  constructor(readonly maxBytes: number) {
    super(`the document exceeds ${maxBytes} bytes`);
  }
}

/** The bytes are not what the Content-Type says (a PNG header on a ZIP): the API's 415. */
export class DocumentSignatureError extends Error {
  override readonly name = 'DocumentSignatureError';
  constructor(readonly mediaType: string) {
    super(`the bytes are not ${mediaType}`);
  }
}

export interface InspectedUpload {
  /** The bytes, passed through unchanged as they arrive; throws one of the errors above. */
  bytes: AsyncGenerator<Buffer>;
  /** Once `bytes` is exhausted: lowercase hex SHA-256 and the count. */
  digest(): { sha256: string; size: number };
}

/**
 * Checks an upload while it streams, holding at most its first HEAD_BYTES: the signature once the
 * head is in, the size cap on every chunk, and the SHA-256 over everything, so the document is
 * read once and never held whole in memory.
 */
export const inspectUpload = (
  source: AsyncIterable<Uint8Array>,
  { mediaType, maxBytes }: { mediaType: string; maxBytes: number },
): InspectedUpload => {
  const hash = createHash('sha256');
  let size = 0;
  let sha256: string | undefined;
  async function* bytes(): AsyncGenerator<Buffer> {
    let head: Buffer[] = [];
    let headLength = 0;
    let checked = false;
    const check = (whole: boolean) => {
      if (!bytesAre(mediaType, Buffer.concat(head), whole)) throw new DocumentSignatureError(mediaType);
      checked = true;
    };
    for await (const piece of source) {
      const chunk = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
      size += chunk.length;
      if (size > maxBytes) throw new DocumentTooLargeError(maxBytes);
      hash.update(chunk);
      if (checked) {
        yield chunk;
        continue;
      }
      head.push(chunk);
      headLength += chunk.length;
      if (headLength >= HEAD_BYTES) {
        check(false);
        yield* head;
        head = [];
      }
    }
    if (!checked) {
      check(true);
      yield* head;
    }
    sha256 = hash.digest('hex');
  }
  return {
    bytes: bytes(),
    digest() {
      if (sha256 === undefined) throw new Error('the upload has not been read to its end');
      return { sha256, size };
    },
  };
};
