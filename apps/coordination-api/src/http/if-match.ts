import { ProblemException, problemType, statusProblem } from '@multitrack/platform';

// RFC 9110 wants `"3"`; clients also send the weak form `W/"3"` and a bare `3`: all mean revision 3.
const REVISION = /^(?:W\/)?"?(\d{1,15})"?$/;

/** `If-Match` as a stream revision, undefined when absent; a 400 problem when it names none. */
export const parseIfMatch = (header: string | string[] | undefined): number | undefined => {
  if (header === undefined || header === '*') return undefined;
  const match = typeof header === 'string' ? REVISION.exec(header.trim()) : null;
  if (!match) {
    throw new ProblemException({
      ...statusProblem(400, 'If-Match must name one revision, e.g. "3"'),
      type: problemType('if-match-invalid'),
    });
  }
  return Number(match[1]);
};

/** The strong ETag of an entity at `revision`, as `If-Match` expects it back. */
export const etagOf = (revision: number): string => `"${revision}"`;
