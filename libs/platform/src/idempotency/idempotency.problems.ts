import { ProblemException, problemType, statusProblem } from '../errors/problem';

export const keyReused = (): ProblemException =>
  new ProblemException({
    ...statusProblem(
      422,
      'this Idempotency-Key was already used on this route with a different request body',
    ),
    type: problemType('idempotency.key-reused'),
    title: 'Idempotency key reused',
  });

export const stillInProgress = (retryAfterSeconds: number): ProblemException =>
  new ProblemException(
    {
      ...statusProblem(409, 'a request with this Idempotency-Key is still being processed; retry shortly'),
      type: problemType('idempotency.in-progress'),
    },
    { 'Retry-After': String(retryAfterSeconds) },
  );
