import { emptyRoot, eventLeafHash, hashChildren } from '@multitrack/transparency-log';

/**
 * The RFC 9162 root of a growing list of event hashes in O(log n) memory: a stack of the complete
 * subtrees on the right edge (sizes strictly decreasing powers of two), folded right to left.
 */
export class RunningRoot {
  private readonly stack: { hash: Buffer; size: number }[] = [];
  private count = 0;

  add(eventHashHex: string): void {
    let node = { hash: eventLeafHash(eventHashHex), size: 1 };
    while (this.stack.length > 0 && this.stack[this.stack.length - 1].size === node.size) {
      const left = this.stack.pop()!;
      node = { hash: hashChildren(left.hash, node.hash), size: left.size * 2 };
    }
    this.stack.push(node);
    this.count += 1;
  }

  get size(): number {
    return this.count;
  }

  root(): Buffer {
    if (this.stack.length === 0) return emptyRoot();
    let root = this.stack[this.stack.length - 1].hash;
    for (let i = this.stack.length - 2; i >= 0; i--) root = hashChildren(this.stack[i].hash, root);
    return root;
  }
}
