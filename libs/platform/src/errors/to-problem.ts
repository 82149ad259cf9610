import { HttpException } from '@nestjs/common';
import { isDomainError } from '@multitrack/domain';
import { ConcurrencyError, DuplicateEventError, StoreUnavailableError } from '@multitrack/event-store';
import { keyReused } from '../idempotency/idempotency.problems';
import { DomainRuleViolation } from './domain-rule-violation';
import { Problem, ProblemException, problemType, statusProblem } from './problem';

export interface ProblemAnswer {
  problem: Problem;
  headers: Record<string, string>;
  /** A 500 nobody planned for: log it in full, tell the client nothing. */
  unexpected: boolean;
}

/** Seconds a client should wait before retrying when a backing store is down. */
export const STORE_RETRY_AFTER_S = 5;

const answer = (problem: Problem, headers: Record<string, string> = {}): ProblemAnswer => ({
  problem,
  headers,
  unexpected: false,
});

/** Maps anything thrown while handling a request to the problem the client sees. */
export const toProblem = (exception: unknown): ProblemAnswer => {
  if (exception instanceof ProblemException) return answer(exception.problem, exception.headers);
  const domainError = exception instanceof DomainRuleViolation ? exception.error : exception;
  // `match.not-found` and its kin: the entity the path names does not exist, or not for this caller.
  if (isDomainError(domainError) && domainError.rule.endsWith('.not-found')) {
    return answer({
      ...statusProblem(404, domainError.message),
      type: problemType(domainError.rule),
      rule: domainError.rule,
    });
  }
  if (isDomainError(domainError)) {
    return answer({
      ...statusProblem(422, domainError.message),
      type: problemType(domainError.rule),
      title: 'Business rule violated',
      rule: domainError.rule,
    });
  }
  if (exception instanceof ConcurrencyError) {
    return answer(statusProblem(409, 'the entity was changed by another request at the same time; retry'));
  }
  // Event ids derive from the Idempotency-Key: ids stored for another write mean the key was reused.
  if (exception instanceof DuplicateEventError) return answer(keyReused().problem);
  if (exception instanceof StoreUnavailableError) {
    return answer(statusProblem(503, 'a backing store is unavailable; retry later'), {
      'Retry-After': String(STORE_RETRY_AFTER_S),
    });
  }
  if (exception instanceof HttpException) return fromHttpException(exception);
  if (isBodyParserError(exception)) return fromBodyParserError(exception);
  return { problem: statusProblem(500, 'an unexpected error occurred'), headers: {}, unexpected: true };
};

const fromHttpException = (exception: HttpException): ProblemAnswer => {
  const status = exception.getStatus();
  if (status >= 500 && status !== 503) {
    return { problem: statusProblem(status, 'an unexpected error occurred'), headers: {}, unexpected: true };
  }
  const response = exception.getResponse();
  const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
  const detail = Array.isArray(message)
    ? message.join('; ')
    : typeof message === 'string'
      ? message
      : exception.message;
  return answer(statusProblem(status, detail));
};

/** The shape of body-parser's (http-errors) failures, raised before Nest sees the request. */
interface BodyParserError {
  status: number;
  type: string;
  expose: boolean;
  message: string;
  limit?: number;
}

const isBodyParserError = (value: unknown): value is BodyParserError =>
  value instanceof Error &&
  typeof (value as Partial<BodyParserError>).status === 'number' &&
  typeof (value as Partial<BodyParserError>).type === 'string';

const fromBodyParserError = (error: BodyParserError): ProblemAnswer => {
  switch (error.type) {
    case 'entity.too.large':
      return answer(statusProblem(413, `the request body exceeds ${error.limit ?? 'the limit of'} bytes`));
    case 'entity.parse.failed':
      return answer(statusProblem(400, 'the request body is not valid JSON'));
    default:
      return answer(
        statusProblem(error.status, error.expose ? error.message : 'the request body was refused'),
      );
  }
};
