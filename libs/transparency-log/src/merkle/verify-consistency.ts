import { hashChildren } from './hashes';
import { Walk, isOdd, shiftOnce, shiftUntilOddOrZero } from './verify-steps';

export interface ConsistencyClaim {
  fromSize: number;
  toSize: number;
  fromRoot: Uint8Array;
  toRoot: Uint8Array;
  proof: readonly Uint8Array[];
}

const equal = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
const isPowerOfTwo = (n: number) => n > 0 && Number.isInteger(Math.log2(n));

/**
 * RFC 9162 §2.1.4.2, step by step, written from the RFC and not from the proof generator. The
 * trivial cases the RFC leaves out are answered as RFC 9162 clients do: from the empty tree
 * anything is consistent, and between equal sizes the proof is empty and the roots are equal.
 */
export const verifyConsistency = ({
  fromSize,
  toSize,
  fromRoot,
  toRoot,
  proof,
}: ConsistencyClaim): boolean => {
  if (!Number.isSafeInteger(fromSize) || !Number.isSafeInteger(toSize) || fromSize < 0 || fromSize > toSize)
    return false;
  if (fromSize === toSize) return proof.length === 0 && equal(fromRoot, toRoot);
  if (fromSize === 0) return proof.length === 0;
  // 1.
  if (proof.length === 0) return false;
  // 2.
  const path = isPowerOfTwo(fromSize) ? [fromRoot, ...proof] : [...proof];
  // 3.
  let walk: Walk = { fn: fromSize - 1, sn: toSize - 1 };
  // 4.
  while (isOdd(walk.fn)) walk = shiftOnce(walk);
  // 5.
  let fr: Uint8Array = path[0];
  let sr: Uint8Array = path[0];
  // 6.
  for (const c of path.slice(1)) {
    if (walk.sn === 0) return false;
    if (isOdd(walk.fn) || walk.fn === walk.sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      if (!isOdd(walk.fn)) walk = shiftUntilOddOrZero(walk);
    } else {
      sr = hashChildren(sr, c);
    }
    walk = shiftOnce(walk);
  }
  // 7.
  return equal(fr, fromRoot) && equal(sr, toRoot) && walk.sn === 0;
};
