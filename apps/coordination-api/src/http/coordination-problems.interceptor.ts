import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { isDomainError, type DomainError } from '@multitrack/domain';
import { DomainRuleViolation, ProblemException, problemType, statusProblem } from '@multitrack/platform';
import { InvalidCursorError } from '@multitrack/read-models';
import { catchError, map, Observable, throwError } from 'rxjs';
import { PreconditionFailed, RetriesExhausted } from '../command-handling/decide-and-append';

/** `request.not-found` and its kin: the entity the path names does not exist, which is a 404. */
const isNotFound = (error: DomainError) => error.rule.endsWith('.not-found');

const notFound = (error: DomainError) =>
  new ProblemException({ ...statusProblem(404, error.message), type: problemType(error.rule), rule: error.rule });

/**
 * What this app's commands and queries fail with that is an HTTP status rather than a business
 * rule: a stale `If-Match` → 412 (with the current ETag), optimistic retries exhausted → 409, a
 * missing entity → 404, a cursor this API did not issue → 400.
 */
export const problemOf = (error: unknown): unknown => {
  if (error instanceof PreconditionFailed) {
    return new ProblemException(
      { ...statusProblem(412, error.message), type: problemType('precondition-failed') },
      error.actual === 'no_stream' ? {} : { ETag: `"${error.actual}"` },
    );
  }
  if (error instanceof RetriesExhausted) {
    return new ProblemException({ ...statusProblem(409, error.message), type: problemType('conflict') }, { 'Retry-After': '1' });
  }
  if (error instanceof DomainRuleViolation && isNotFound(error.error)) return notFound(error.error);
  if (error instanceof InvalidCursorError) {
    return new ProblemException({ ...statusProblem(400, error.message), type: problemType('cursor-invalid') });
  }
  return error;
};

@Injectable()
export class CoordinationProblemsInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((value: unknown) => {
        if (isDomainError(value) && isNotFound(value)) throw notFound(value);
        return value;
      }),
      catchError((error: unknown) => throwError(() => problemOf(error))),
    );
  }
}
