import { Database, migrate } from '@multitrack/database';
import { open, seal } from './aes-gcm';
import { DataKeyCache } from './data-key-cache';
import { masterKeyring, newDataKey, unwrapDataKey, wrapDataKey } from './data-key';
import {
  assertSubjectId,
  fieldAad,
  formatPersonalCiphertext,
  isPersonalCiphertext,
  parsePersonalCiphertext,
} from './personal-ciphertext';
import {
  PersonalDataErasedError,
  PersonalDataKeyMissingError,
  PersonalDataTamperedError,
} from './personal-data.errors';
import { personalDataKeysTable } from './personal-data-keys.table';
import { personalDataMigrations } from './personal-data.migrations';

export interface PersonalDataVault {
  /** `pd:v1:<subjectId>:<base64>`; makes the subject's key on first use. Throws once erased. */
  encrypt(subjectId: string, plaintext: string): Promise<string>;
  /**
   * The plaintext, or null once the subject is erased. Throws `PersonalDataTamperedError` when
   * the ciphertext does not authenticate, `PersonalDataKeyMissingError` when the key is absent
   * though no erasure was recorded, and a TypeError for a value that is no personal ciphertext.
   */
  decrypt(ciphertext: string): Promise<string | null>;
  /** Destroys the subject's key (and any cached copy); idempotent; final. */
  erase(subjectId: string): Promise<void>;
  isErased(subjectId: string): Promise<boolean>;
  isPersonalCiphertext(value: unknown): value is string;
}

export interface PersonalDataVaultOptions {
  /** Master keys being rotated away from: still unwrap, never wrap. */
  previousMasterKeys?: Buffer[];
  /** How long an unwrapped key may stay in memory (default 60 s; 0 = never cache). */
  keyCacheTtlMs?: number;
  keyCacheMaxEntries?: number;
}

/** Migrates the key tables, then encrypts, decrypts and erases personal fields. */
export const createPersonalDataVault = async (
  db: Database,
  masterKey: Buffer,
  options: PersonalDataVaultOptions = {},
): Promise<PersonalDataVault> => {
  await migrate(db, 'personal-data', personalDataMigrations);
  const table = personalDataKeysTable(db);
  const keyring = masterKeyring(masterKey, options.previousMasterKeys);
  const cache = new DataKeyCache(options.keyCacheTtlMs ?? 60_000, options.keyCacheMaxEntries ?? 10_000);

  const keyFor = async (subjectId: string, createIfAbsent: boolean): Promise<Buffer | 'erased'> => {
    const cached = cache.get(subjectId);
    if (cached) return cached;
    const epoch = cache.epoch;
    let stored = await table.read(subjectId);
    if (stored === 'missing' && createIfAbsent) {
      stored = await table.createIfAbsent(subjectId, wrapDataKey(masterKey, subjectId, newDataKey()));
    }
    if (stored === 'missing') throw new PersonalDataKeyMissingError(subjectId);
    if (stored === 'erased') {
      cache.rememberErased(subjectId);
      return 'erased';
    }
    const key = unwrapDataKey(keyring, subjectId, stored);
    cache.remember(subjectId, key, epoch);
    return key;
  };

  return {
    async encrypt(subjectId, plaintext) {
      assertSubjectId(subjectId);
      const key = await keyFor(subjectId, true);
      if (key === 'erased') throw new PersonalDataErasedError(subjectId);
      const sealed = seal(key, Buffer.from(plaintext, 'utf8'), fieldAad(subjectId));
      return formatPersonalCiphertext({ subjectId, sealed });
    },

    async decrypt(ciphertext) {
      const parsed = parsePersonalCiphertext(ciphertext);
      if (!parsed) throw new TypeError('not a personal data ciphertext (expected pd:v1:<subject>:<base64>)');
      const key = await keyFor(parsed.subjectId, false);
      if (key === 'erased') return null;
      const plaintext = open(key, parsed.sealed, fieldAad(parsed.subjectId));
      if (!plaintext) throw new PersonalDataTamperedError(parsed.subjectId);
      return plaintext.toString('utf8');
    },

    async erase(subjectId) {
      assertSubjectId(subjectId);
      cache.evict(subjectId);
      await table.erase(subjectId);
      cache.rememberErased(subjectId);
    },

    async isErased(subjectId) {
      return cache.get(subjectId) === 'erased' || table.isErased(subjectId);
    },

    isPersonalCiphertext,
  };
};
