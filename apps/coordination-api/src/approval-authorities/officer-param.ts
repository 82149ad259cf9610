import { ForbiddenException } from '@nestjs/common';
import type { Actor } from '@multitrack/auth';
import { officerKey, sameOfficer } from '@multitrack/domain';
import { validationProblem } from '@multitrack/platform';

const SUB_MAX = 200;

/**
 * The `{sub}` of a route, as the identity provider writes it: 1–200 characters without control
 * characters, not blank. The stream is named by its normalised form (`officerKey`), so `Alice`
 * and `alice` are one officer with one authority.
 */
export const officerOf = (sub: string): string => {
  if (sub.length > SUB_MAX || /[\u0000-\u001f\u007f-\u009f]/.test(sub) || officerKey(sub) === '')
    throw validationProblem([
      { field: 'sub', message: `sub must be 1–${SUB_MAX} characters without control characters` },
    ]);
  return officerKey(sub);
};

/** Only the officer itself lends its authority (API.md: "that officer"). */
export const assertOwnAuthority = (actor: Actor, sub: string): void => {
  if (!sameOfficer(actor.sub, sub))
    throw new ForbiddenException('only the officer itself delegates its approval authority');
};
