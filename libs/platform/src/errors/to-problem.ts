import { HttpException } from '@nestjs/common';
import { isDomainError } from '@multitrack/domain';
import { ConcurrencyError, DuplicateEventError, StoreUnavailableError } from '@multitrack/event-store';
import { BODY_LIMIT_BYTES } from '../http/http-request';
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
  if (isFastifyRefusal(exception)) return fromFastifyRefusal(exception);
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

/** Fastify's own refusals before Nest sees the request (`FST_ERR_CTP_…`), with their status. */
interface FastifyRefusal {
  code: string;
  statusCode: number;
  message: string;
}

const isFastifyRefusal = (value: unknown): value is FastifyRefusal =>
  value instanceof Error &&
  typeof (value as Partial<FastifyRefusal>).code === 'string' &&
  (value as unknown as FastifyRefusal).code.startsWith('FST_') &&
  typeof (value as Partial<FastifyRefusal>).statusCode === 'number';

const fromFastifyRefusal = (error: FastifyRefusal): ProblemAnswer => {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return answer(statusProblem(413, `the request body exceeds ${BODY_LIMIT_BYTES} bytes`));
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return answer(statusProblem(415, 'the request body must be application/json'));
    default:
      return error.statusCode >= 500
        ? { problem: statusProblem(500, 'an unexpected error occurred'), headers: {}, unexpected: true }
        : answer(statusProblem(error.statusCode, error.message));
  }
};
