import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { ProblemException, problemType, statusProblem } from '@multitrack/platform';
import { InvalidCursorError } from '@multitrack/read-models';
import { catchError, Observable, throwError } from 'rxjs';
import { PreconditionFailed, RetriesExhausted } from '../command-handling/write-conflicts';
import { etagOf } from './if-match';

/**
 * What this app's commands and queries fail with that is an HTTP status rather than a business
 * rule: a stale `If-Match` → 412 (with the current ETag), optimistic retries exhausted → 409, a
 * cursor this API did not issue → 400. Registered once, for every route of the app.
 */
export const problemOf = (error: unknown): unknown => {
  if (error instanceof PreconditionFailed) {
    return new ProblemException(
      { ...statusProblem(412, error.message), type: problemType('precondition-failed') },
      error.actual === 'no_stream' ? {} : { ETag: etagOf(error.actual) },
    );
  }
  if (error instanceof RetriesExhausted) {
    return new ProblemException(
      { ...statusProblem(409, error.message), type: problemType('conflict') },
      { 'Retry-After': '1' },
    );
  }
  if (error instanceof InvalidCursorError) {
    return new ProblemException({
      ...statusProblem(400, error.message),
      type: problemType('cursor-invalid'),
    });
  }
  return error;
};

@Injectable()
export class CommandProblemsInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((error: unknown) => throwError(() => problemOf(error))));
  }
}
