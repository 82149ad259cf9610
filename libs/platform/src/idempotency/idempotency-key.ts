import { ProblemException, problemType, statusProblem } from '../errors/problem';

// shared/API.md: 1–128 printable characters; printable ASCII, so the key means the same bytes
// to every client library and in every log.
const VALID_KEY = /^[\x20-\x7e]{1,128}$/;

/** The request's `Idempotency-Key`, undefined when absent; a 400 problem when malformed. */
export const readIdempotencyKey = (header: string | string[] | undefined): string | undefined => {
  if (header === undefined) return undefined;
  if (typeof header === 'string' && VALID_KEY.test(header)) return header;
  throw new ProblemException({
    ...statusProblem(400, 'Idempotency-Key must be 1–128 printable ASCII characters, sent once'),
    type: problemType('idempotency.key-invalid'),
  });
};
