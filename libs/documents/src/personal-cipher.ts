import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';

/**
 * A personal document is sealed with AES-256-GCM under a key of its own; that key is kept only
 * wrapped by the uploading organisation's personal-data key (libs/personal-data), so the
 * organisation's erasure makes the bytes unreadable while their hash stays in the log (decision 0222).
 */
export interface SealedDocument {
  /** The document's own key, to be wrapped by the caller; never stored as it is. */
  key: Buffer;
  iv: Buffer;
  /** The encrypted bytes as they stream. */
  bytes: AsyncGenerator<Buffer>;
  /** The GCM tag, once `bytes` is exhausted. */
  tag(): Buffer;
}

const AAD = (documentId: string) => Buffer.from(`document:v1:${documentId}`, 'utf8');

export const sealDocument = (documentId: string, source: AsyncIterable<Buffer>): SealedDocument => {
  const key = randomBytes(32);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(AAD(documentId));
  let tag: Buffer | undefined;
  async function* bytes(): AsyncGenerator<Buffer> {
    for await (const chunk of source) yield cipher.update(chunk);
    yield cipher.final();
    tag = cipher.getAuthTag();
  }
  return {
    key,
    iv,
    bytes: bytes(),
    tag() {
      if (!tag) throw new Error('the document has not been sealed to its end');
      return tag;
    },
  };
};

/**
 * The plaintext of a sealed document as it streams; the stream fails at its end when a byte
 * was changed (the tag does not authenticate), so a reader never takes tampered bytes as whole.
 */
export const openSealedDocument = (
  documentId: string,
  sealed: Readable,
  { key, iv, tag }: { key: Buffer; iv: Buffer; tag: Buffer },
): Readable => {
  const decipher = createDecipheriv('aes-256-gcm', key, iv).setAAD(AAD(documentId)).setAuthTag(tag);
  sealed.on('error', (error) => decipher.destroy(error));
  return sealed.pipe(decipher);
};
