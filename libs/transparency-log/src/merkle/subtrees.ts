import { hashChildren } from './hashes';

/** Leaves `[start, end)` of the log. */
export interface LeafRange {
  start: number;
  end: number;
}

/**
 * A complete subtree: 2^level leaves starting at leaf index * 2^level. Every node the log stores
 * is one of these; they never change once the last of their leaves has arrived.
 */
export interface Subtree {
  level: number;
  index: number;
}

/** The k of RFC 9162 §2.1.1: the largest power of two smaller than n (n > 1). */
export const largestPowerOfTwoBelow = (n: number): number => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};

const largestPowerOfTwoAtMost = (n: number): number => {
  let k = 1;
  while (k * 2 <= n) k *= 2;
  return k;
};

/**
 * The complete subtrees, largest first, whose right fold is MTH(D[start:end]). Holds for every range
 * the RFC recursion visits: each starts at a multiple of the largest power of two within it.
 */
export const completeSubtrees = ({ start, end }: LeafRange): Subtree[] => {
  const subtrees: Subtree[] = [];
  for (let at = start; at < end;) {
    const size = largestPowerOfTwoAtMost(end - at);
    if (at % size !== 0) throw new RangeError(`leaves [${start}, ${end}) are not a subtree of the log`);
    subtrees.push({ level: Math.log2(size), index: at / size });
    at += size;
  }
  return subtrees;
};

/**
 * MTH of a range from its complete subtrees: the RFC splits off the largest power of two on the
 * left at each step, so the hash is the right fold of the pieces.
 */
export const foldSubtrees = (hashes: Buffer[]): Buffer => {
  if (hashes.length === 0) throw new RangeError('an empty range has no subtree hash');
  let hash = hashes[hashes.length - 1];
  for (let i = hashes.length - 2; i >= 0; i--) hash = hashChildren(hashes[i], hash);
  return hash;
};

export const subtreeKey = ({ level, index }: Subtree): string => `${level}:${index}`;

/** Finds a stored or computed complete-subtree hash. */
export type SubtreeLookup = (subtree: Subtree) => Buffer;

export const rangeHash = (range: LeafRange, lookup: SubtreeLookup): Buffer =>
  foldSubtrees(completeSubtrees(range).map(lookup));
