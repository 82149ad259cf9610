import { createHash } from 'node:crypto';
import { SubtreeHash, completedBy, frontierOf } from './frontier';
import { hashLeaf } from './hashes';
import { subtreeKey } from './subtrees';

const leaf = (i: number) => hashLeaf(createHash('sha256').update(`event-${i}`).digest());
const asMap = (nodes: SubtreeHash[]) => new Map(nodes.map((n) => [subtreeKey(n), n.hash.toString('hex')]));

describe('growing a tree from its frontier', () => {
  it('completes the same subtrees whether leaves come one by one, in batches, or all at once', () => {
    const all = Array.from({ length: 133 }, (_, i) => leaf(i));
    const atOnce = asMap(completedBy([], all, 0));
    for (const batch of [1, 2, 3, 7, 64]) {
      const stored = new Map<string, SubtreeHash>();
      for (let size = 0; size < all.length; size += batch) {
        const frontier = frontierOf(size).map((s) => stored.get(subtreeKey(s)) as SubtreeHash);
        completedBy(frontier, all.slice(size, size + batch), size).forEach((n) =>
          stored.set(subtreeKey(n), n),
        );
      }
      expect(asMap([...stored.values()])).toEqual(atOnce);
    }
  });

  it('knows a tree of 13 leaves by its subtrees of 8, 4 and 1', () => {
    expect(frontierOf(13)).toEqual([
      { level: 3, index: 0 },
      { level: 2, index: 2 },
      { level: 0, index: 12 },
    ]);
    expect(frontierOf(0)).toEqual([]);
  });
});
