import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { ByteRange, DocumentBytes } from './document-bytes.port';

const SAFE_ID = /^[A-Za-z0-9-]{1,128}$/;

const pathIn = (dir: string, id: string): string => {
  // Ids are uuids made here; a path separator in one would be a bug, never a file elsewhere.
  if (!SAFE_ID.test(id)) throw new TypeError(`not a document id: ${id}`);
  return join(dir, id);
};

/**
 * The embedded default: one file per document under `dir` (DATA_DIR/documents). Written to a
 * temporary name, fsynced, renamed, and the directory fsynced, so a crash leaves either the whole
 * file under its name or only a `.part` file, never a torn document.
 */
export const fileDocumentBytes = async (dir: string): Promise<DocumentBytes> => {
  await mkdir(dir, { recursive: true });
  const syncDir = async () => {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  };
  return {
    adapter: 'files',
    async write(id, source) {
      const target = pathIn(dir, id);
      const partial = `${target}.${randomBytes(6).toString('hex')}.part`;
      const handle = await open(partial, 'wx', 0o600);
      let size = 0;
      try {
        for await (const chunk of source) {
          let written = 0;
          while (written < chunk.length) {
            const { bytesWritten } = await handle.write(chunk, written, chunk.length - written);
            written += bytesWritten;
          }
          size += chunk.length;
        }
        await handle.sync();
      } catch (error) {
        await handle.close();
        await rm(partial, { force: true });
        throw error;
      }
      await handle.close();
      await rename(partial, target);
      await syncDir();
      return { size };
    },
    async open(id, range?: ByteRange): Promise<Readable | undefined> {
      const path = pathIn(dir, id);
      try {
        // Opened first, so a missing file is an answer here rather than an error on the stream.
        const handle = await open(path, 'r');
        return handle.createReadStream({ autoClose: true, ...range });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async remove(id) {
      await rm(pathIn(dir, id), { force: true });
    },
  };
};
