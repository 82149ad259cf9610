import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import type { RequestWithActor } from '@multitrack/auth';
import { ProblemException, statusProblem } from '../errors/problem';

/**
 * RATE_LIMIT_PER_MINUTE per principal across all routes: the verified token's `sub` when the
 * auth guard found one, else the client address. Counters live in this process's memory.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(request: RequestWithActor & { ip?: string }): Promise<string> {
    return request.actor ? `sub:${request.actor.sub}` : `ip:${request.ip ?? 'unknown'}`;
  }

  /** One bucket per principal, not one per principal and route. */
  protected override generateKey(_context: ExecutionContext, tracker: string, throttler: string): string {
    return `${throttler}:${tracker}`;
  }

  protected override async throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    throw new ProblemException(
      statusProblem(429, `more than ${detail.limit} requests in ${detail.ttl / 1000} s; retry after Retry-After seconds`),
    );
  }
}
