import { ed25519 } from '@noble/curves/ed25519';
import { sha256 } from '@noble/hashes/sha256';
import { sameBytes } from './merkle';

/** A C2SP tlog-checkpoint as the log serves it (docs/transparency-log.md, "What a checkpoint says"). */
export interface Checkpoint {
  origin: string;
  treeSize: number;
  rootHash: Uint8Array;
  /** The signed text: the three lines and the newline after the root. */
  body: string;
  signatures: { name: string; bytes: Uint8Array }[];
}

export const fromBase64 = (text: string): Uint8Array => {
  const binary = atob(text);
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
};

export const parseCheckpoint = (note: string): Checkpoint => {
  const split = note.indexOf('\n\n');
  if (split < 0) throw new Error('not a signed note: no blank line before the signatures');
  const body = note.slice(0, split + 1);
  const [origin, size, root] = body.split('\n');
  if (!/^\d+$/.test(size ?? '')) throw new Error('the second line is not a tree size');
  const rootHash = fromBase64(root ?? '');
  if (rootHash.length !== 32) throw new Error('the third line is not a 32-byte root hash');
  const signatures = note
    .slice(split + 2)
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [dash, name, signature] = line.split(' ');
      if (dash !== '\u2014' || !name || !signature) throw new Error(`not a signature line: ${line}`);
      return { name, bytes: fromBase64(signature) };
    });
  return { origin, treeSize: Number(size), rootHash, body, signatures };
};

/** The first 4 bytes of SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key): which key a signature line names. */
const keyIdOf = (name: string, publicKey: Uint8Array) => {
  const prefix = new TextEncoder().encode(`${name}\n`);
  const material = new Uint8Array(prefix.length + 1 + publicKey.length);
  material.set(prefix);
  material[prefix.length] = 1;
  material.set(publicKey, prefix.length + 1);
  return sha256(material).slice(0, 4);
};

/** Whether some signature line of `checkpoint` is `name`'s Ed25519 signature of its body. */
export const signedBy = (checkpoint: Checkpoint, name: string, publicKey: Uint8Array): boolean => {
  const keyId = keyIdOf(name, publicKey);
  const message = new TextEncoder().encode(checkpoint.body);
  return checkpoint.signatures.some(({ name: signer, bytes }) => {
    if (signer !== name || bytes.length !== 68 || !sameBytes(bytes.slice(0, 4), keyId)) return false;
    try {
      return ed25519.verify(bytes.slice(4), message, publicKey);
    } catch {
      return false;
    }
  });
};
