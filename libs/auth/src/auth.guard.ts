import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Role, RequestWithActor } from './actor';
import { PUBLIC_KEY, ROLES_KEY } from './access.decorators';
import { InvalidToken, TokenVerifier } from './token-verifier';

interface HttpRequest extends RequestWithActor {
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Deny by default: a route is open only with `@Public()`, otherwise it needs a valid bearer token
 * (401) carrying one of the route's `@Roles(...)` (403). The two steps are separate methods so that
 * the platform can rate-limit by the verified `sub` between them.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    await this.authenticate(context);
    return this.authorize(context);
  }

  /** Puts the verified actor on the request; throws 401 unless the route is public. */
  async authenticate(context: ExecutionContext): Promise<void> {
    if (this.isPublic(context)) return;
    const request = context.switchToHttp().getRequest<HttpRequest>();
    request.actor = await this.verifier.verify(bearerToken(request));
  }

  /** Throws 403 unless the route is public or the actor holds one of its roles. */
  authorize(context: ExecutionContext): true {
    if (this.isPublic(context)) return true;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    const { actor } = context.switchToHttp().getRequest<HttpRequest>();
    if (!actor) throw new InvalidToken('missing bearer token');
    if (!allowed?.length) throw new ForbiddenException('this route declares no roles');
    if (!actor.roles.some((role) => allowed.includes(role))) {
      throw new ForbiddenException(`requires one of the roles: ${allowed.join(', ')}`);
    }
    return true;
  }

  private isPublic(context: ExecutionContext): boolean {
    return (
      this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [context.getHandler(), context.getClass()]) ===
      true
    );
  }
}

const bearerToken = (request: HttpRequest): string => {
  const header = request.headers.authorization;
  if (typeof header !== 'string' || header.length === 0) throw new InvalidToken('missing bearer token');
  const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/i.exec(header.trim());
  if (!match) throw new InvalidToken('authorization header is not a bearer token');
  return match[1];
};
