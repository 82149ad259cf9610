import { setTimeout as sleep } from 'node:timers/promises';
import { ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import type { RequestWithActor } from '@multitrack/auth';
import { ProblemException, statusProblem } from '../errors/problem';

export const RATE_LIMIT_HOLD_MS = Symbol('RATE_LIMIT_HOLD_MS');

/**
 * RATE_LIMIT_PER_MINUTE per principal across all routes: the verified token's `sub` when the
 * auth guard found one, else the client address. Counters live in this process's memory.
 *
 * A refusal is held for up to RATE_LIMIT_HOLD_MS (never past Retry-After) before the 429 goes out:
 * a client that ignores Retry-After and asks again at once then sends one request per connection
 * per hold instead of as many as the server can refuse, and other principals keep the CPU
 * (decision 0044).
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  // A property, so the base class's constructor injection stays as the library declares it.
  @Inject(RATE_LIMIT_HOLD_MS) private readonly holdMs!: number;

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
    const holdMs = Math.min(this.holdMs, detail.timeToBlockExpire * 1000);
    if (holdMs > 0) await sleep(holdMs);
    throw new ProblemException(
      statusProblem(
        429,
        `more than ${detail.limit} requests in ${detail.ttl / 1000} s; retry after Retry-After seconds`,
      ),
    );
  }
}
