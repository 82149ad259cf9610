import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { isDomainError } from '@multitrack/domain';
import { map, Observable } from 'rxjs';
import { DomainRuleViolation } from './domain-rule-violation';

/** Lets a controller simply return the domain's `DomainError`: it becomes a 422, not a 200. */
@Injectable()
export class DomainErrorInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((value: unknown) => {
        if (isDomainError(value)) throw new DomainRuleViolation(value);
        return value;
      }),
    );
  }
}
