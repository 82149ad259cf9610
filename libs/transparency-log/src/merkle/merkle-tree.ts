import { completedBy } from './frontier';
import { emptyRoot } from './hashes';
import { consistencyRanges, inclusionRanges } from './proof-ranges';
import { LeafRange, Subtree, rangeHash, subtreeKey } from './subtrees';

/** A log's tree that can answer for any size up to its own: roots and proofs as RFC 9162 defines them. */
export interface MerkleTreeView {
  readonly size: number;
  rootAt(treeSize: number): Buffer;
  inclusionProof(leafIndex: number, treeSize: number): Buffer[];
  consistencyProof(from: number, to: number): Buffer[];
}

const checkSize = (treeSize: number, size: number) => {
  if (!Number.isSafeInteger(treeSize) || treeSize < 0 || treeSize > size)
    throw new RangeError(`tree size ${treeSize} is not between 0 and ${size}`);
};

/**
 * An in-memory tree over leaf hashes (already SHA-256(0x00 || entry)). Every complete subtree is
 * hashed once, so roots and proofs for any earlier size cost O(log n).
 */
export const merkleTree = (leafHashes: readonly Uint8Array[]): MerkleTreeView => {
  const nodes = new Map(
    completedBy(
      [],
      leafHashes.map((hash) => Buffer.from(hash)),
      0,
    ).map((node) => [subtreeKey(node), node.hash]),
  );
  const size = leafHashes.length;
  const lookup = (subtree: Subtree): Buffer => nodes.get(subtreeKey(subtree)) as Buffer;
  const hashes = (ranges: LeafRange[]) => ranges.map((range) => rangeHash(range, lookup));
  return {
    size,
    rootAt(treeSize) {
      checkSize(treeSize, size);
      return treeSize === 0 ? emptyRoot() : rangeHash({ start: 0, end: treeSize }, lookup);
    },
    inclusionProof(leafIndex, treeSize) {
      checkSize(treeSize, size);
      return hashes(inclusionRanges(leafIndex, treeSize));
    },
    consistencyProof(from, to) {
      checkSize(to, size);
      return hashes(consistencyRanges(from, to));
    },
  };
};

/** MTH(D[n]) of RFC 9162 §2.1.1 over leaf hashes. */
export const merkleTreeHash = (leafHashes: readonly Uint8Array[]): Buffer =>
  merkleTree(leafHashes).rootAt(leafHashes.length);
