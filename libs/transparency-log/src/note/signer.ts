import {
  KeyObject,
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
} from 'node:crypto';
import { checkKeyName } from './key-names';

/** The DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
/** signed-note signature type of Ed25519. */
const ED25519 = 0x01;

export interface NoteSignature {
  /** The signer's key name. */
  name: string;
  /** base64(4-byte key id || 64-byte Ed25519 signature). */
  signature: string;
}

export interface NoteSigner {
  readonly name: string;
  /** The raw 32-byte Ed25519 public key. */
  readonly publicKey: Buffer;
  readonly keyId: Buffer;
  /** Signs a note's text (which ends in a newline). */
  sign(text: string): NoteSignature;
}

/** key ID = SHA-256(key name || 0x0A || 0x01 || 32-byte Ed25519 public key)[:4] (c2sp.org/signed-note). */
export const keyId = (name: string, publicKey: Uint8Array): Buffer =>
  createHash('sha256')
    .update(name, 'utf8')
    .update(Buffer.from([0x0a, ED25519]))
    .update(publicKey)
    .digest()
    .subarray(0, 4);

export const rawPublicKey = (key: KeyObject): Buffer =>
  createPublicKey(key).export({ format: 'der', type: 'spki' }).subarray(ED25519_SPKI_PREFIX.length);

export const publicKeyFromRaw = (raw: Uint8Array): KeyObject => {
  if (raw.length !== 32) throw new Error(`an Ed25519 public key is 32 bytes, got ${raw.length}`);
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
};

/** A fresh Ed25519 private key as base64 PKCS#8 DER, the format of `AUDIT_SIGNING_KEY`. */
export const generateSigningKey = (): string =>
  generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');

export const loadSigner = ({
  name,
  privateKeyPkcs8Base64,
}: {
  name: string;
  privateKeyPkcs8Base64: string;
}): NoteSigner => {
  checkKeyName(name);
  const privateKey = createPrivateKey({
    key: Buffer.from(privateKeyPkcs8Base64, 'base64'),
    format: 'der',
    type: 'pkcs8',
  });
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new Error(
      `the signing key must be Ed25519, got ${privateKey.asymmetricKeyType ?? 'an unknown type'}`,
    );
  const publicKey = rawPublicKey(privateKey);
  const id = keyId(name, publicKey);
  return {
    name,
    publicKey,
    keyId: id,
    sign: (text) => ({
      name,
      signature: Buffer.concat([id, sign(null, Buffer.from(text, 'utf8'), privateKey)]).toString('base64'),
    }),
  };
};

/** The raw 32-byte public key, base64: what `GET /v1/audit/public-key` publishes. */
export const publicKeyRaw = (signer: NoteSigner): string => signer.publicKey.toString('base64');

/** The body of `GET /v1/audit/public-key`. */
export const publicKeyDocument = (signer: NoteSigner) => ({
  name: signer.name,
  algorithm: 'Ed25519' as const,
  publicKey: publicKeyRaw(signer),
});
