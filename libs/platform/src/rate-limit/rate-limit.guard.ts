import { setTimeout as sleep } from 'node:timers/promises';
import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { RequestWithActor } from '@multitrack/auth';
import { ProblemException, statusProblem } from '../errors/problem';
import type { HttpRequest } from '../http/http-request';
import { PrincipalLimiter, RateLimited } from './rate-limiter';

export const RATE_LIMIT_HOLD_MS = Symbol('RATE_LIMIT_HOLD_MS');
/** The principal's counters (rate-limiter.ts), or null when RATE_LIMIT_PER_MINUTE is 0. */
export const RATE_LIMITER = Symbol('RATE_LIMITER');

/**
 * RATE_LIMIT_PER_MINUTE per principal across all routes, and at most RATE_LIMIT_BURST_PER_SECOND
 * of them in any second: the verified token's `sub` when the auth guard found one, else the client
 * address. One counter per principal and window, so a request costs two map lookups (in memory) or
 * two Redis commands (RATE_LIMIT_REDIS_URL, shared by every replica), never a scan of earlier hits
 * (decisions 0231, 0234).
 *
 * A refusal is held for up to RATE_LIMIT_HOLD_MS (never past Retry-After) before the 429 goes out:
 * a client that ignores Retry-After and asks again at once then sends one request per connection
 * per hold instead of as many as the server can refuse, and other principals keep the CPU
 * (decision 0044).
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    @Inject(RATE_LIMITER) private readonly limiter: PrincipalLimiter | null,
    @Inject(RATE_LIMIT_HOLD_MS) private readonly holdMs: number,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<HttpRequest & RequestWithActor>();
    await this.admit(request.actor ? `sub:${request.actor.sub}` : `ip:${request.ip}`);
    return true;
  }

  /**
   * Counts one request of `principal`, or throws the 429. Also called by a Fastify hook for what
   * Nest does not route (Swagger UI and its files at /docs), so anonymous routes share one rule.
   */
  async admit(principal: string): Promise<void> {
    if (!this.limiter) return;
    try {
      await this.limiter.consume(principal);
    } catch (refusal) {
      if (!(refusal instanceof RateLimited)) throw refusal;
      const retryAfterS = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      const holdMs = Math.min(this.holdMs, refusal.msBeforeNext);
      if (holdMs > 0) await sleep(holdMs);
      throw new ProblemException(
        statusProblem(
          429,
          `more than ${refusal.window.points} requests in ${refusal.window.duration} s; retry after Retry-After seconds`,
        ),
        { 'Retry-After': String(retryAfterS) },
      );
    }
  }
}
