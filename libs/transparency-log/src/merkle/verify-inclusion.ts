import { hashChildren } from './hashes';

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
 * an auditor can check it against the text. Arithmetic instead of bit operators: indices can pass
 * 2^31.
 */
export const verifyInclusion = ({ leafHash, leafIndex, treeSize, proof, rootHash }: InclusionClaim): boolean => {
  if (!Number.isSafeInteger(leafIndex) || !Number.isSafeInteger(treeSize) || leafIndex < 0) return false;
  // 1. leaf_index must be smaller than tree_size.
  if (leafIndex >= treeSize) return false;
  // 2.
  let fn = leafIndex;
  let sn = treeSize - 1;
  // 3.
  let r: Uint8Array = leafHash;
  // 4.
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = hashChildren(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  // 5.
  return sn === 0 && Buffer.from(r).equals(Buffer.from(rootHash));
};
