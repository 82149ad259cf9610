import { hash } from 'node:crypto';
import { emptyRoot } from '@multitrack/transparency-log';

// RFC 9162 §2.1.1, as transparency-log's eventLeafHash and hashChildren (running-root.spec.ts
// holds them equal), hashed one-shot from one reused buffer: the integrity check folds every
// event of the log, and per-call hash objects and buffers were a third of its time.
const LEAF = 0x00;
const NODE = 0x01;

/**
 * The RFC 9162 root of a growing list of event hashes in O(log n) memory: a stack of the complete
 * subtrees on the right edge (sizes strictly decreasing powers of two), folded right to left.
 * An event hash is not validated here: the chain check recomputes every one, and a report with a
 * broken chain is not verified whatever its root.
 */
export class RunningRoot {
  private readonly hashes: Buffer[] = [];
  private readonly sizes: number[] = [];
  private readonly scratch = Buffer.alloc(65);
  private count = 0;

  add(eventHashHex: string): void {
    this.scratch[0] = LEAF;
    this.scratch.write(eventHashHex, 1, 32, 'hex');
    let node = hash('sha256', this.scratch.subarray(0, 33), 'buffer');
    let size = 1;
    while (this.sizes.length > 0 && this.sizes[this.sizes.length - 1] === size) {
      this.sizes.pop();
      node = this.children(this.hashes.pop() as Buffer, node);
      size *= 2;
    }
    this.hashes.push(node);
    this.sizes.push(size);
    this.count += 1;
  }

  get size(): number {
    return this.count;
  }

  root(): Buffer {
    if (this.hashes.length === 0) return emptyRoot();
    let root = this.hashes[this.hashes.length - 1];
    for (let i = this.hashes.length - 2; i >= 0; i--) root = this.children(this.hashes[i], root);
    return root;
  }

  private children(left: Buffer, right: Buffer): Buffer {
    this.scratch[0] = NODE;
    left.copy(this.scratch, 1);
    right.copy(this.scratch, 33);
    return hash('sha256', this.scratch, 'buffer');
  }
}
