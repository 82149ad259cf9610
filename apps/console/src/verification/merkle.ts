import { sha256 } from '@noble/hashes/sha256';

/**
 * RFC 9162 in the browser, written again from the RFC rather than shared with the server's
 * library (libs/transparency-log uses node:crypto): a verifier the auditor's browser runs needs
 * none of the server's code to be trusted.
 */
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

export const sameBytes = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((byte, i) => byte === b[i]);

/** SHA-256(0x00 ‖ the event's 32-byte hash): one leaf of the log's tree. */
export const leafHashOf = (eventHashHex: string): Uint8Array => {
  if (!/^[0-9a-f]{64}$/.test(eventHashHex)) throw new Error('an event hash is 64 lowercase hex digits');
  const bytes = Uint8Array.from(eventHashHex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
  return sha256(concat(Uint8Array.of(0), bytes));
};

const parent = (left: Uint8Array, right: Uint8Array) => sha256(concat(Uint8Array.of(1), left, right));

/** fn walks up from the leaf (or the old tree's last leaf), sn from the last leaf of the tree. */
interface Position {
  fn: number;
  sn: number;
}
const up = ({ fn, sn }: Position): Position => ({ fn: Math.floor(fn / 2), sn: Math.floor(sn / 2) });
const isRightChildOrLast = ({ fn, sn }: Position) => fn % 2 === 1 || fn === sn;
/** After a right child: climb while fn is a left child that is not the root. */
const climbLeftChildren = (at: Position): Position => {
  let position = at;
  while (position.fn % 2 === 0 && position.fn !== 0) position = up(position);
  return position;
};

/** RFC 9162 §2.1.3.2: does `proof` lead from the leaf at `leafIndex` to `root` of a tree of `treeSize`? */
export const inclusionHolds = (
  leafHash: Uint8Array,
  leafIndex: number,
  treeSize: number,
  proof: Uint8Array[],
  root: Uint8Array,
): boolean => {
  if (!(leafIndex >= 0 && leafIndex < treeSize)) return false;
  let position: Position = { fn: leafIndex, sn: treeSize - 1 };
  let hash = leafHash;
  for (const sibling of proof) {
    if (position.sn === 0) return false;
    if (isRightChildOrLast(position)) {
      hash = parent(sibling, hash);
      position = climbLeftChildren(position);
    } else {
      hash = parent(hash, sibling);
    }
    position = up(position);
  }
  return position.sn === 0 && sameBytes(hash, root);
};

/** RFC 9162 §2.1.4.2: is the tree of `toSize` with `toRoot` the tree of `fromSize` with more leaves? */
export const consistencyHolds = (
  fromSize: number,
  fromRoot: Uint8Array,
  toSize: number,
  toRoot: Uint8Array,
  proof: Uint8Array[],
): boolean => {
  if (fromSize > toSize || fromSize < 0) return false;
  if (fromSize === toSize) return proof.length === 0 && sameBytes(fromRoot, toRoot);
  if (fromSize === 0) return proof.length === 0;
  if (proof.length === 0) return false;
  const fromIsPowerOfTwo = (fromSize & (fromSize - 1)) === 0;
  const [first, ...rest] = fromIsPowerOfTwo ? [fromRoot, ...proof] : proof;
  let position: Position = { fn: fromSize - 1, sn: toSize - 1 };
  while (position.fn % 2 === 1) position = up(position);
  let oldHash = first;
  let newHash = first;
  for (const node of rest) {
    if (position.sn === 0) return false;
    if (isRightChildOrLast(position)) {
      oldHash = parent(node, oldHash);
      newHash = parent(node, newHash);
      position = climbLeftChildren(position);
    } else {
      newHash = parent(newHash, node);
    }
    position = up(position);
  }
  return position.sn === 0 && sameBytes(oldHash, fromRoot) && sameBytes(newHash, toRoot);
};
