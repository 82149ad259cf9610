import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@multitrack/auth';
import { RateLimitGuard } from '../rate-limit/rate-limit.guard';

/**
 * The one global guard, so the order is certain: authenticate (to learn the `sub`), count the
 * request against that principal's rate limit (or the address's when authentication failed, so
 * bad tokens are limited too), then report the authentication failure (401) or check roles (403).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly auth: AuthGuard,
    private readonly rateLimit: RateLimitGuard,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const authenticationFailure = await this.auth.authenticate(context).then(
      () => undefined,
      (error: unknown) => error ?? new Error('authentication failed'),
    );
    await this.rateLimit.canActivate(context);
    if (authenticationFailure) throw authenticationFailure;
    return this.auth.authorize(context);
  }
}
