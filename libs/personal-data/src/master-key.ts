import { createHash, randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MasterKeyInvalidError } from './personal-data.errors';

export const MASTER_KEY_BYTES = 32;
export const MASTER_KEY_FILE = 'personal-data-master.key';

/** Decodes a base64 master key; `source` names where it came from in the error. */
export const parseMasterKey = (base64: string, source = 'PERSONAL_DATA_MASTER_KEY'): Buffer => {
  const trimmed = base64.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed)) throw new MasterKeyInvalidError(source, 'not base64');
  const key = Buffer.from(trimmed, 'base64');
  if (key.length !== MASTER_KEY_BYTES)
    throw new MasterKeyInvalidError(source, `decodes to ${key.length} bytes`);
  return key;
};

/**
 * Names a master key without revealing it, so each wrapped data key records which master key
 * wrapped it (rotation, and a clear error when the wrong key is configured).
 */
export const masterKeyId = (masterKey: Buffer): string =>
  createHash('sha256')
    .update('multitrack.personal-data.master-key\n')
    .update(masterKey)
    .digest('hex')
    .slice(0, 16);

/**
 * The embedded default: a master key kept in `$DATA_DIR` (in `file`), created once (mode 0600) when absent.
 * The key is written whole to a private temporary file and then hard-linked into place: `link`
 * fails when the name exists, so two processes starting together end up reading the same,
 * complete key.
 */
export const loadOrCreateMasterKey = async (dataDir: string, file = MASTER_KEY_FILE): Promise<Buffer> => {
  const path = join(dataDir, file);
  await mkdir(dataDir, { recursive: true });
  const draft = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(draft, `${randomBytes(MASTER_KEY_BYTES).toString('base64')}\n`, {
    flag: 'wx',
    mode: 0o600,
  });
  try {
    await link(draft, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(draft);
  }
  return parseMasterKey(await readFile(path, 'utf8'), path);
};
