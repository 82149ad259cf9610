import { ExecutionContext, ForbiddenException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Public, Roles } from './access.decorators';
import { RequestWithActor } from './actor';
import { AuthGuard } from './auth.guard';
import { signDevelopmentToken } from './sign-token';
import { InvalidToken, TokenVerifier } from './token-verifier';

const secret = 'a-development-secret-of-32-chars!!';

class Routes {
  @Roles('officer', 'admin') officerOnly() {}
  @Public() open() {}
  undeclared() {}
}

const contextFor = (handler: keyof Routes, authorization?: string) => {
  const request: RequestWithActor & { headers: Record<string, string> } = {
    headers: authorization ? { authorization } : {},
  };
  const context = {
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  return { context, request };
};

describe('AuthGuard', () => {
  const guard = new AuthGuard(new Reflector(), new TokenVerifier({ jwtSecret: secret }));
  const bearer = async (roles: ('officer' | 'ngo' | 'auditor')[]) =>
    `Bearer ${await signDevelopmentToken({ secret, sub: 'alice', roles, org: 'US-EIN-1' })}`;

  it('lets a caller with one of the route roles through and records the actor', async () => {
    const { context, request } = contextFor('officerOnly', await bearer(['officer']));
    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(request.actor).toEqual({ sub: 'alice', roles: ['officer'], organizationId: 'US-EIN-1' });
  });

  it('answers 401 when there is no token', async () => {
    await expect(guard.canActivate(contextFor('officerOnly').context)).rejects.toThrow(InvalidToken);
  });

  it('answers 401 for a non-bearer authorization header', async () => {
    await expect(guard.canActivate(contextFor('officerOnly', 'Basic YWxpY2U6cHc=').context)).rejects.toThrow(
      'authorization header is not a bearer token',
    );
  });

  it('answers 403 when the token holds none of the route roles', async () => {
    const { context } = contextFor('officerOnly', await bearer(['ngo', 'auditor']));
    await expect(guard.canActivate(context)).rejects.toThrow(ForbiddenException);
  });

  it('denies by default a route that declares neither roles nor @Public()', async () => {
    const { context } = contextFor('undeclared', await bearer(['officer']));
    await expect(guard.canActivate(context)).rejects.toThrow('this route declares no roles');
  });

  it('opens a @Public() route without a token', async () => {
    const { context, request } = contextFor('open');
    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(request.actor).toBeUndefined();
  });
});
