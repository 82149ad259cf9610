import { hashChildren } from './hashes';
import { LeafRange, Subtree, completeSubtrees } from './subtrees';

export interface SubtreeHash extends Subtree {
  hash: Buffer;
}

/** The complete subtrees along the right edge of a tree of `size` leaves, largest first. */
export const frontierOf = (size: number): Subtree[] =>
  size === 0 ? [] : completeSubtrees({ start: 0, end: size } satisfies LeafRange);

/**
 * Appends leaf hashes to a tree known only by its frontier and returns every complete subtree the
 * new leaves complete (the leaves themselves included). Nothing already complete is recomputed:
 * an append costs O(leaves + log n) hashes, whatever the size of the log.
 */
export const completedBy = (
  frontier: readonly SubtreeHash[],
  leafHashes: readonly Buffer[],
  firstLeafIndex: number,
): SubtreeHash[] => {
  const edge = [...frontier];
  const completed: SubtreeHash[] = [];
  leafHashes.forEach((hash, offset) => {
    let node: SubtreeHash = { level: 0, index: firstLeafIndex + offset, hash };
    completed.push(node);
    for (let left = edge[edge.length - 1]; left?.level === node.level; left = edge[edge.length - 1]) {
      edge.pop();
      node = { level: node.level + 1, index: left.index / 2, hash: hashChildren(left.hash, node.hash) };
      completed.push(node);
    }
    edge.push(node);
  });
  return completed;
};
