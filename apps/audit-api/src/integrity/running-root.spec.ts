import { createHash } from 'node:crypto';
import { emptyRoot, eventLeafHash, hashChildren } from '@multitrack/transparency-log';
import { RunningRoot } from './running-root';

const eventHash = (n: number) => createHash('sha256').update(`event ${n}`).digest('hex');

/** RFC 9162 §2.1.1 MTH, recursively, from transparency-log's own hash functions. */
const treeHead = (hashes: string[]): Buffer => {
  if (hashes.length === 0) return emptyRoot();
  if (hashes.length === 1) return eventLeafHash(hashes[0]);
  let split = 1;
  while (split * 2 < hashes.length) split *= 2;
  return hashChildren(treeHead(hashes.slice(0, split)), treeHead(hashes.slice(split)));
};

describe('the running Merkle root', () => {
  it('is the RFC 9162 tree head of the event hashes added so far, at every size', () => {
    const hashes = Array.from({ length: 70 }, (_, n) => eventHash(n));
    const running = new RunningRoot();
    const roots = [running.root()];
    for (const hash of hashes) {
      running.add(hash);
      roots.push(running.root());
    }

    expect(roots.map((root) => root.toString('hex'))).toEqual(
      Array.from({ length: 71 }, (_, size) => treeHead(hashes.slice(0, size)).toString('hex')),
    );
    expect(running.size).toBe(70);
  });
});
