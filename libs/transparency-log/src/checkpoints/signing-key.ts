import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Database } from '@multitrack/database';
import { generateSigningKey } from '../note/signer';

export const SIGNING_KEY_FILE = 'audit-signing-key';

const isNodeError = (error: unknown, code: string) => (error as NodeJS.ErrnoException)?.code === code;

/**
 * Written to a private temporary file, then hard-linked into place: link fails if the key exists,
 * so two processes starting together agree on one key and nobody reads a half-written file.
 */
const fromFile = async (dataDir: string): Promise<string> => {
  await mkdir(dataDir, { recursive: true });
  const path = join(dataDir, SIGNING_KEY_FILE);
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, `${generateSigningKey()}\n`, { mode: 0o600, flag: 'wx' });
  await chmod(temporary, 0o600);
  try {
    await link(temporary, path);
  } catch (error) {
    if (!isNodeError(error, 'EEXIST')) throw error;
  } finally {
    await unlink(temporary);
  }
  return (await readFile(path, 'utf8')).trim();
};

const fromDatabase = async (db: Database): Promise<string> => {
  await db.query('INSERT INTO tlog_signing_key (id, private_key_pkcs8) VALUES (1, $1) ON CONFLICT (id) DO NOTHING', [generateSigningKey()]);
  const { rows } = await db.query<{ private_key_pkcs8: string }>('SELECT private_key_pkcs8 FROM tlog_signing_key WHERE id = 1');
  return rows[0].private_key_pkcs8;
};

/**
 * The checkpoint signing key when `AUDIT_SIGNING_KEY` is unset: generated once and kept, so that
 * checkpoints signed before a restart still verify after it. In `$DATA_DIR` (mode 0600) for the
 * embedded default, in the database (`tlog_signing_key`, after `migrateTransparencyLog`) for the
 * real stack, where several processes share it. Returns base64 PKCS#8, as `AUDIT_SIGNING_KEY`.
 */
export const loadOrCreateSigningKey = ({ dataDir, db }: { dataDir?: string; db?: Database }): Promise<string> => {
  if (dataDir) return fromFile(dataDir);
  if (db) return fromDatabase(db);
  throw new Error('loadOrCreateSigningKey needs a data directory or a database to keep the key in');
};
