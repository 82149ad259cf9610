/**
 * One officer, however the identity provider writes their `sub` (API.md, "Approval authority"):
 * Unicode NFKC (fullwidth and other compatibility forms become their plain letters), trimmed, and
 * case-folded. JavaScript has no full case folding; upper- then lower-casing comes close (`ß` and
 * `SS` meet as `ss`), and NFKC again after it, because case mapping may leave text unnormalised.
 * Without it `Alice` could approve the tranche `alice` asked for, and one officer could hold two
 * authorities.
 */
export const officerKey = (sub: string): string =>
  sub.normalize('NFKC').trim().toUpperCase().toLowerCase().normalize('NFKC');

export const sameOfficer = (a: string, b: string): boolean => officerKey(a) === officerKey(b);
