import type { Database } from '@multitrack/database';
import { EventStore, HashedEvent, readHashedLog } from '@multitrack/event-store';
import type { TransparencyLog } from '@multitrack/transparency-log';
import { leavesFrom } from '../transparency/leaf-positions';
import { BrokenEvent, ChainChecker } from './chain-checker';
import { RunningRoot } from './running-root';

export interface IntegrityReport {
  verified: boolean;
  eventsChecked: number;
  firstBrokenAt?: BrokenEvent;
  /** base64 RFC 9162 root over the hashes of every event checked: a checkpoint of size `eventsChecked` must show the same. */
  headDigest: string;
  /** The log as the checked events make it, against the transparency log at the size it had when the check began. */
  transparencyLog: { treeSize: number; rootHash: string; matches: boolean };
}

export interface IntegrityDependencies {
  store: EventStore;
  db: Database;
  tree: TransparencyLog;
  onProgress?: (eventsChecked: number) => void;
}

// Two pages are held at once (the next is fetched while one is checked).
const batchSize = 2000;

/** The first event, in log order, that is not the leaf the transparency log holds at its place. */
const locateDivergence = async (
  store: EventStore,
  db: Database,
  treeSize: number,
): Promise<BrokenEvent | undefined> => {
  let leafIndex = 0;
  let page: Awaited<ReturnType<typeof leavesFrom>> = [];
  let offset = 0;
  const mismatch = (event: HashedEvent | undefined): BrokenEvent => ({
    position: event?.position ?? -1,
    streamId: event?.streamId ?? '',
    revision: event?.revision ?? -1,
    reason: 'differs-from-transparency-log',
    leafIndex,
  });
  for await (const event of readHashedLog(store, { batchSize })) {
    if (leafIndex >= treeSize) return undefined;
    if (offset === page.length) [page, offset] = [await leavesFrom(db, leafIndex, batchSize), 0];
    const leaf = page[offset++];
    if (!leaf || leaf.hash !== event.hash || leaf.position !== event.position) return mismatch(event);
    leafIndex += 1;
  }
  return leafIndex < treeSize ? mismatch(undefined) : undefined;
};

/**
 * Recomputes every stream's hash chain in one streamed pass over the log (memory: one head per
 * stream), folds the events' hashes into the Merkle root, and compares that root with the
 * transparency log's: an event altered with its hash recomputed, or a stream's last event
 * deleted, leaves the chains whole but changes the root. Then the divergence is located.
 */
export const verifyIntegrity = async ({
  store,
  db,
  tree,
  onProgress,
}: IntegrityDependencies): Promise<IntegrityReport> => {
  const treeSize = await tree.size();
  const checker = new ChainChecker();
  const digest = new RunningRoot();
  let rootAtTreeSize = treeSize === 0 ? digest.root() : undefined;
  for await (const event of readHashedLog(store, { batchSize })) {
    checker.check(event);
    digest.add(event.hash);
    if (digest.size === treeSize) rootAtTreeSize = digest.root();
    if (onProgress && checker.checked % batchSize === 0) onProgress(checker.checked);
  }
  const signedRoot = await tree.rootAt(treeSize);
  const matches = rootAtTreeSize !== undefined && rootAtTreeSize.equals(signedRoot);
  const firstBrokenAt =
    checker.firstBroken ?? (matches ? undefined : await locateDivergence(store, db, treeSize));
  return {
    verified: !firstBrokenAt && matches,
    eventsChecked: checker.checked,
    ...(firstBrokenAt ? { firstBrokenAt } : {}),
    headDigest: digest.root().toString('base64'),
    transparencyLog: { treeSize, rootHash: signedRoot.toString('base64'), matches },
  };
};
