import { setTimeout as sleep } from 'node:timers/promises';
import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import type { RequestWithActor } from '@multitrack/auth';
import { ProblemException, statusProblem } from '../errors/problem';
import type { HttpRequest } from '../http/http-request';

export const RATE_LIMIT_HOLD_MS = Symbol('RATE_LIMIT_HOLD_MS');
/** The principal's counter (rate-limiter-flexible), or null when RATE_LIMIT_PER_MINUTE is 0. */
export const RATE_LIMITER = Symbol('RATE_LIMITER');

/**
 * RATE_LIMIT_PER_MINUTE per principal across all routes: the verified token's `sub` when the
 * auth guard found one, else the client address. One counter per principal and minute, so a
 * request costs a map lookup (in memory) or one Redis command (RATE_LIMIT_REDIS_URL, shared by
 * every replica), never a scan of earlier hits (decision 0231).
 *
 * A refusal is held for up to RATE_LIMIT_HOLD_MS (never past Retry-After) before the 429 goes out:
 * a client that ignores Retry-After and asks again at once then sends one request per connection
 * per hold instead of as many as the server can refuse, and other principals keep the CPU
 * (decision 0044).
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    @Inject(RATE_LIMITER) private readonly limiter: RateLimiterAbstract | null,
    @Inject(RATE_LIMIT_HOLD_MS) private readonly holdMs: number,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (!this.limiter) return true;
    const request = context.switchToHttp().getRequest<HttpRequest & RequestWithActor>();
    const principal = request.actor ? `sub:${request.actor.sub}` : `ip:${request.ip}`;
    try {
      await this.limiter.consume(principal);
      return true;
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      const retryAfterS = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      const holdMs = Math.min(this.holdMs, refusal.msBeforeNext);
      if (holdMs > 0) await sleep(holdMs);
      throw new ProblemException(
        statusProblem(
          429,
          `more than ${this.limiter.points} requests in ${this.limiter.duration} s; retry after Retry-After seconds`,
        ),
        { 'Retry-After': String(retryAfterS) },
      );
    }
  }
}
