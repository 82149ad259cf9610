import { CheckpointNotFoundError, CosignatureRejectedError } from '@multitrack/transparency-log';
import { ProblemException, problemType, statusProblem } from '@multitrack/platform';

export const notFound = (detail: string) => new ProblemException(statusProblem(404, detail));
export const badRequest = (detail: string) => new ProblemException(statusProblem(400, detail));

/** The transparency log's typed errors as the problems API.md names (404, 422). */
export const asProblem = (error: unknown): unknown => {
  if (error instanceof CheckpointNotFoundError) return notFound(error.message);
  if (error instanceof CosignatureRejectedError)
    return new ProblemException({
      ...statusProblem(422, error.message),
      type: problemType(error.code),
      title: 'Cosignature refused',
      rule: error.code,
    });
  return error;
};
