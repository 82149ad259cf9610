import { verify } from 'node:crypto';
import { isValidKeyName } from './key-names';
import { NoteSignature, NoteSigner, keyId, publicKeyFromRaw } from './signer';

export interface ParsedNote {
  /** The signed text, final newline included. */
  body: string;
  signatures: NoteSignature[];
}

export interface NoteKey {
  name: string;
  /** The raw 32-byte Ed25519 public key, as bytes or base64. */
  publicKey: Uint8Array | string;
}

export type NoteVerification =
  { valid: true; body: string; verifiedBy: string[] } | { valid: false; reason: string };

export class NoteFormatError extends Error {
  override readonly name = 'NoteFormatError';
  readonly code = 'note.malformed';
}

const EM_DASH = '\u2014';
const MAX_SIGNATURES = 100;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Strict base64: only a canonical encoding decodes, so one signature has one spelling. */
export const decodeBase64 = (text: string): Buffer | undefined => {
  if (!BASE64.test(text) || text.length % 4 !== 0) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
};

export const formatSignatureLine = ({ name, signature }: NoteSignature): string =>
  `${EM_DASH} ${name} ${signature}\n`;

/** text, a blank line, one signature line per signer (c2sp.org/signed-note). */
export const renderSignedNote = (body: string, signatures: readonly NoteSignature[]): string =>
  `${body}\n${signatures.map(formatSignatureLine).join('')}`;

/** A plain signed-note signature line over `body`, as a witness adds to a checkpoint. */
export const witnessSignatureLine = (witness: NoteSigner, body: string): string =>
  formatSignatureLine(witness.sign(body));

export const parseNote = (text: string): ParsedNote => {
  if (/[\u0000-\u0009\u000b-\u001f]/.test(text))
    throw new NoteFormatError('a signed note holds no control characters but newline');
  const split = text.lastIndexOf('\n\n');
  if (split < 0 || !text.endsWith('\n'))
    throw new NoteFormatError('a signed note is text, a blank line, then signature lines');
  const body = text.slice(0, split + 1);
  const lines = text.slice(split + 2, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) throw new NoteFormatError(`more than ${MAX_SIGNATURES} signatures`);
  const signatures = lines.map((line) => {
    const [dash, name, signature, ...rest] = line.split(' ');
    if (
      dash !== EM_DASH ||
      rest.length > 0 ||
      !isValidKeyName(name ?? '') ||
      (decodeBase64(signature ?? '')?.length ?? 0) < 5
    )
      throw new NoteFormatError(`not a signature line: ${JSON.stringify(line)}`);
    return { name, signature };
  });
  return { body, signatures };
};

const rawKey = (key: NoteKey): Buffer =>
  typeof key.publicKey === 'string'
    ? (decodeBase64(key.publicKey) ?? Buffer.alloc(0))
    : Buffer.from(key.publicKey);

/** Whether `signature` is `key`'s Ed25519 signature over `body`, under the right name and key id. */
export const verifySignature = (body: string, signature: NoteSignature, key: NoteKey): boolean => {
  const raw = rawKey(key);
  const bytes = decodeBase64(signature.signature);
  if (signature.name !== key.name || raw.length !== 32 || bytes?.length !== 68) return false;
  if (!bytes.subarray(0, 4).equals(keyId(key.name, raw))) return false;
  return verify(null, Buffer.from(body, 'utf8'), publicKeyFromRaw(raw), bytes.subarray(4));
};

const isFrom = (signature: NoteSignature, key: NoteKey): boolean => {
  const raw = rawKey(key);
  return (
    signature.name === key.name &&
    raw.length === 32 &&
    !!decodeBase64(signature.signature)?.subarray(0, 4).equals(keyId(key.name, raw))
  );
};

/**
 * Verifies a note as c2sp.org/signed-note asks: signatures from unknown keys are ignored, a known
 * key whose signature fails rejects the whole note, and at least one known key must have signed.
 */
export const verifyNote = (text: string, keys: NoteKey | readonly NoteKey[]): NoteVerification => {
  let note: ParsedNote;
  try {
    note = parseNote(text);
  } catch (error) {
    return { valid: false, reason: (error as Error).message };
  }
  const verifiedBy: string[] = [];
  for (const signature of note.signatures)
    for (const key of ([] as NoteKey[]).concat(keys)) {
      if (!isFrom(signature, key)) continue;
      if (!verifySignature(note.body, signature, key))
        return { valid: false, reason: `the signature of ${key.name} does not verify` };
      verifiedBy.push(key.name);
    }
  return verifiedBy.length
    ? { valid: true, body: note.body, verifiedBy }
    : { valid: false, reason: 'no signature from a known key' };
};
