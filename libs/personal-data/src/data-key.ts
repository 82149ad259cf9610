import { randomBytes } from 'node:crypto';
import { open, seal } from './aes-gcm';
import { masterKeyId } from './master-key';
import { PersonalDataKeyUnwrapError } from './personal-data.errors';

/** A data key as stored: wrapped (AES-256-GCM) by the master key named by `masterKeyId`. */
export interface WrappedDataKey {
  wrappedKey: Buffer;
  masterKeyId: string;
}

// The subject is the AAD of the wrap, so a wrapped key copied onto another subject's row does
// not unwrap: one subject's erasure can never be undone with another's key.
const wrapAad = (subjectId: string): string => `pd-key:v1:${subjectId}`;

export const newDataKey = (): Buffer => randomBytes(32);

export const wrapDataKey = (masterKey: Buffer, subjectId: string, dataKey: Buffer): WrappedDataKey => ({
  wrappedKey: seal(masterKey, dataKey, wrapAad(subjectId)),
  masterKeyId: masterKeyId(masterKey),
});

/** The master keys a process can unwrap with, by id: the current one first, then any previous. */
export type MasterKeyring = Map<string, Buffer>;

export const masterKeyring = (current: Buffer, previous: Buffer[] = []): MasterKeyring =>
  new Map([current, ...previous].map((key) => [masterKeyId(key), key]));

export const unwrapDataKey = (keyring: MasterKeyring, subjectId: string, stored: WrappedDataKey): Buffer => {
  const masterKey = keyring.get(stored.masterKeyId);
  const dataKey = masterKey && open(masterKey, stored.wrappedKey, wrapAad(subjectId));
  if (!dataKey) throw new PersonalDataKeyUnwrapError(subjectId, stored.masterKeyId, [...keyring.keys()]);
  return dataKey;
};
