/**
 * The index arithmetic both RFC 9162 verifiers (§2.1.3.2, §2.1.4.2) use: fn walks up from the
 * leaf, sn from the last leaf. Division instead of bit shifts: indices can pass 2^31.
 */
export interface Walk {
  fn: number;
  sn: number;
}

export const isOdd = (n: number): boolean => n % 2 === 1;

/** "Right-shift both fn and sn one time." */
export const shiftOnce = ({ fn, sn }: Walk): Walk => ({ fn: Math.floor(fn / 2), sn: Math.floor(sn / 2) });

/** "Right-shift both fn and sn equally until either LSB(fn) is set or fn is 0." */
export const shiftUntilOddOrZero = (walk: Walk): Walk => {
  let at = walk;
  while (!isOdd(at.fn) && at.fn !== 0) at = shiftOnce(at);
  return at;
};
