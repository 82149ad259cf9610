import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { DocumentBytes } from '../document-bytes.port';

const read = async (stream: Readable | undefined): Promise<Buffer | undefined> => {
  if (!stream) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

/** `bytes` in pieces of awkward sizes, as a network delivers them. */
async function* pieces(bytes: Buffer, sizes = [1, 7, 65_536, 1_048_577, 300_001]): AsyncGenerator<Buffer> {
  let offset = 0;
  for (let i = 0; offset < bytes.length; i++) {
    const size = sizes[i % sizes.length];
    yield bytes.subarray(offset, offset + size);
    offset += size;
  }
}

const sha = (bytes: Buffer | undefined) => bytes && createHash('sha256').update(bytes).digest('hex');

/**
 * What every DocumentBytes adapter must do, whatever it stores in. Each adapter's test file calls
 * this with a factory for a fresh, empty store.
 */
export const documentBytesContract = (store: () => DocumentBytes) => {
  describe('the document bytes contract', () => {
    it('gives back every byte of a document of several MiB, sent in uneven pieces', async () => {
      const id = randomUUID();
      const bytes = randomBytes(3 * 1024 * 1024 + 12_345);
      expect(await store().write(id, pieces(bytes))).toEqual({ size: bytes.length });
      expect(sha(await read(await store().open(id)))).toBe(sha(bytes));
    });

    it('keeps an empty document as an empty document', async () => {
      const id = randomUUID();
      expect(await store().write(id, pieces(Buffer.alloc(0)))).toEqual({ size: 0 });
      expect(await read(await store().open(id))).toEqual(Buffer.alloc(0));
    });

    it('serves ranges: the first byte, the last, and one across the 1 MiB boundary', async () => {
      const id = randomUUID();
      const bytes = randomBytes(2 * 1024 * 1024 + 10);
      await store().write(id, pieces(bytes));
      const range = async (start: number, end: number) => read(await store().open(id, { start, end }));
      expect(await range(0, 0)).toEqual(bytes.subarray(0, 1));
      expect(await range(bytes.length - 1, bytes.length - 1)).toEqual(bytes.subarray(bytes.length - 1));
      const across = [1024 * 1024 - 5, 2 * 1024 * 1024 + 3] as const;
      // Compared by digest: Jest's toEqual walks a MiB-long buffer byte by byte.
      expect(sha(await range(...across))).toBe(sha(bytes.subarray(across[0], across[1] + 1)));
    });

    it('leaves nothing readable when the source fails half-way', async () => {
      const id = randomUUID();
      async function* failing(): AsyncGenerator<Buffer> {
        yield randomBytes(1024 * 1024 + 1);
        throw new Error('the client went away');
      }
      await expect(store().write(id, failing())).rejects.toThrow('the client went away');
      expect(await store().open(id)).toBeUndefined();
    });

    it('shows nothing under the id while the bytes are still arriving', async () => {
      const id = randomUUID();
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      async function* slow(): AsyncGenerator<Buffer> {
        yield randomBytes(2 * 1024 * 1024);
        await held;
        yield Buffer.from('end');
      }
      const writing = store().write(id, slow());
      // Let the first piece reach the store before looking.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await store().open(id)).toBeUndefined();
      release();
      expect((await writing).size).toBe(2 * 1024 * 1024 + 3);
      expect((await read(await store().open(id)))?.subarray(-3).toString()).toBe('end');
    });

    it('removes a document, and removing it again or an unknown one is no error', async () => {
      const id = randomUUID();
      await store().write(id, pieces(Buffer.from('receipt')));
      await store().remove(id);
      await store().remove(id);
      expect(await store().open(id)).toBeUndefined();
      expect(await store().open(randomUUID())).toBeUndefined();
    });

    it('keeps documents apart', async () => {
      const [a, b] = [randomUUID(), randomUUID()];
      await Promise.all([
        store().write(a, pieces(Buffer.from('agreement A'))),
        store().write(b, pieces(Buffer.from('agreement B'))),
      ]);
      expect((await read(await store().open(a)))?.toString()).toBe('agreement A');
      expect((await read(await store().open(b)))?.toString()).toBe('agreement B');
    });
  });
};
