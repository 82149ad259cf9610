import { hashChildren } from './hashes';
import { Walk, isOdd, shiftOnce, shiftUntilOddOrZero } from './verify-steps';

export interface InclusionClaim {
  /** SHA-256(0x00 || entry): for an event, `eventLeafHash(event.hash)`. */
  leafHash: Uint8Array;
  leafIndex: number;
  treeSize: number;
  proof: readonly Uint8Array[];
  rootHash: Uint8Array;
}

/**
 * RFC 9162 §2.1.3.2, step by step, written from the RFC and not from the proof generator, so that
 * an auditor can check it against the text.
 */
export const verifyInclusion = ({
  leafHash,
  leafIndex,
  treeSize,
  proof,
  rootHash,
}: InclusionClaim): boolean => {
  if (!Number.isSafeInteger(leafIndex) || !Number.isSafeInteger(treeSize) || leafIndex < 0) return false;
  // 1.
  if (leafIndex >= treeSize) return false;
  // 2.
  let walk: Walk = { fn: leafIndex, sn: treeSize - 1 };
  // 3.
  let r: Uint8Array = leafHash;
  // 4.
  for (const p of proof) {
    if (walk.sn === 0) return false;
    if (isOdd(walk.fn) || walk.fn === walk.sn) {
      r = hashChildren(p, r);
      if (!isOdd(walk.fn)) walk = shiftUntilOddOrZero(walk);
    } else {
      r = hashChildren(r, p);
    }
    walk = shiftOnce(walk);
  }
  // 5.
  return walk.sn === 0 && Buffer.from(r).equals(Buffer.from(rootHash));
};
