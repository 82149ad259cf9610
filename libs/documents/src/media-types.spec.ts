import { createHash, randomBytes } from 'node:crypto';
import { documentMediaTypeOf } from './media-types';
import { DocumentSignatureError, DocumentTooLargeError, inspectUpload } from './upload-stream';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OOXML = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function* inPieces(bytes: Buffer, size = 1000): AsyncGenerator<Buffer> {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}

const drain = async (mediaType: string, bytes: Buffer, maxBytes = 1 << 20) => {
  const upload = inspectUpload(inPieces(bytes), { mediaType, maxBytes });
  const out: Buffer[] = [];
  for await (const chunk of upload.bytes) out.push(chunk);
  return { out: Buffer.concat(out), ...upload.digest() };
};

describe('the media types a document may be', () => {
  it.each([
    ['application/pdf', 'application/pdf'],
    ['Text/Plain; charset=utf-8', 'text/plain'],
    [OOXML, OOXML],
    ['application/zip', undefined],
    ['image/gif', undefined],
    ['application/vnd.openxmlformats-officedocument', undefined],
    [undefined, undefined],
  ])('%s → %s', (given, expected) => expect(documentMediaTypeOf(given)).toBe(expected));
});

describe('an upload inspected while it streams', () => {
  it('passes every byte through and hashes and counts them', async () => {
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(50_000)]);
    const { out, sha256, size } = await drain('application/pdf', bytes);
    expect(out.equals(bytes)).toBe(true);
    expect(sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(size).toBe(bytes.length);
  });

  it('refuses a ZIP sent as a PNG, and a PNG header on a ZIP', async () => {
    await expect(drain('image/png', Buffer.concat([ZIP, randomBytes(9000)]))).rejects.toThrow(
      DocumentSignatureError,
    );
    await expect(drain(OOXML, Buffer.concat([PNG, randomBytes(9000)]))).rejects.toThrow(
      DocumentSignatureError,
    );
  });

  it('takes an OOXML document that is a ZIP', async () =>
    expect((await drain(OOXML, Buffer.concat([ZIP, randomBytes(100)]))).size).toBe(104));

  it('refuses text that holds a NUL or is no UTF-8, and binaries sent as text', async () => {
    for (const bytes of [Buffer.from('a,b\n\0'), Buffer.from([0x61, 0xff, 0xfe, 0x62]), PNG])
      await expect(drain('text/csv', bytes)).rejects.toThrow(DocumentSignatureError);
  });

  it('takes UTF-8 text even when a character straddles the end of the head it checks', async () => {
    const text = Buffer.from(`${'a'.repeat(4095)}é and more`);
    expect((await drain('text/plain', text)).size).toBe(text.length);
  });

  it('stops at the first byte past the cap', async () => {
    const upload = inspectUpload(inPieces(Buffer.concat([Buffer.from('%PDF-'), randomBytes(5000)])), {
      mediaType: 'application/pdf',
      maxBytes: 4096,
    });
    let passed = 0;
    await expect(
      (async () => {
        for await (const chunk of upload.bytes) passed += chunk.length;
      })(),
    ).rejects.toThrow(DocumentTooLargeError);
    expect(passed).toBeLessThanOrEqual(4096);
  });
});
