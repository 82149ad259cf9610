import { LeafRange, largestPowerOfTwoBelow } from './subtrees';

/**
 * The proofs of RFC 9162 as lists of leaf ranges whose MTH forms the proof, in proof order. Kept
 * apart from hashing so the in-memory tree and the stored log produce proofs the same way: they
 * differ only in where the subtree hashes come from.
 */

/** PATH(m, D[n]) of RFC 9162 §2.1.3.1. */
export const inclusionRanges = (leafIndex: number, treeSize: number): LeafRange[] => {
  if (
    !Number.isSafeInteger(leafIndex) ||
    !Number.isSafeInteger(treeSize) ||
    leafIndex < 0 ||
    leafIndex >= treeSize
  )
    throw new RangeError(`no inclusion proof for leaf ${leafIndex} in a tree of ${treeSize}`);
  const path = (m: number, start: number, end: number): LeafRange[] => {
    if (end - start === 1) return [];
    const k = largestPowerOfTwoBelow(end - start);
    return m < k
      ? [...path(m, start, start + k), { start: start + k, end }]
      : [...path(m - k, start + k, end), { start, end: start + k }];
  };
  return path(leafIndex, 0, treeSize);
};

/**
 * PROOF(m, D[n]) = SUBPROOF(m, D[n], true) of RFC 9162 §2.1.4.1. From the empty tree, and
 * between equal sizes, the proof is empty.
 */
export const consistencyRanges = (from: number, to: number): LeafRange[] => {
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 0 || from > to)
    throw new RangeError(`no consistency proof from ${from} to ${to}`);
  if (from === 0) return [];
  const subproof = (m: number, start: number, end: number, complete: boolean): LeafRange[] => {
    if (m === end - start) return complete ? [] : [{ start, end }];
    const k = largestPowerOfTwoBelow(end - start);
    return m <= k
      ? [...subproof(m, start, start + k, complete), { start: start + k, end }]
      : [...subproof(m - k, start + k, end, false), { start, end: start + k }];
  };
  return subproof(from, 0, to, true);
};
