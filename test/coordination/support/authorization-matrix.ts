import type { Client } from './client';
import { badTokens } from './tokens';
import type { Tokens } from './scenario';

/** Everyone who may knock: the roles, the owning and another NGO, and four kinds of bad credentials. */
export const callers = [
  'officer',
  'admin',
  'auditor',
  'witness',
  'ngoOwner',
  'ngoOther',
  'noToken',
  'expired',
  'wrongAudience',
  'algNone',
] as const;
export type Caller = (typeof callers)[number];

const unauthenticated: Caller[] = ['noToken', 'expired', 'wrongAudience', 'algNone'];

/**
 * One row of the matrix. `allowed` are the callers the contract lets through; every other caller
 * must get 401 (bad credentials), 403 or 404 (where existence must not leak), never a 2xx.
 * Allowed callers may still meet a 4xx business answer (the row's state may have moved on), but
 * never 401/403 and never 5xx.
 */
export interface RouteCase<Fixtures> {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: (fixtures: Fixtures) => string;
  body?: (fixtures: Fixtures) => unknown;
  allowed: readonly Caller[];
}

export interface MatrixTarget<Fixtures> {
  api: Client;
  tokens: Tokens;
  fixtures: Fixtures;
}

const credentialsOf = async (caller: Caller, tokens: Tokens): Promise<string | undefined> => {
  switch (caller) {
    case 'ngoOwner':
      return tokens.ngo;
    case 'ngoOther':
      return tokens.otherNgo;
    case 'noToken':
      return undefined;
    case 'expired':
    case 'wrongAudience':
    case 'algNone':
      return badTokens[caller]();
    default:
      return tokens[caller];
  }
};

export interface Verdict {
  caller: Caller;
  status: number;
  problem: boolean;
}

/** Calls one route as every caller, refused callers first so allowed writes cannot change their answers. */
export const probeRoute = async <F>(
  target: MatrixTarget<F>,
  route: RouteCase<F>,
): Promise<{ unexpected: string[]; verdicts: Verdict[] }> => {
  const ordered = [...callers].sort(
    (a, b) => Number(route.allowed.includes(a)) - Number(route.allowed.includes(b)),
  );
  const unexpected: string[] = [];
  const verdicts: Verdict[] = [];
  for (const caller of ordered) {
    const token = await credentialsOf(caller, target.tokens);
    const answer = await target.api.call(
      route.method,
      route.path(target.fixtures),
      route.body?.(target.fixtures),
      { token },
    );
    const problem = answer.status < 400 || (answer.contentType ?? '').startsWith('application/problem+json');
    verdicts.push({ caller, status: answer.status, problem });
    const expected = unauthenticated.includes(caller)
      ? [401]
      : route.allowed.includes(caller)
        ? undefined
        : [403, 404];
    const ok = expected
      ? expected.includes(answer.status)
      : ![401, 403].includes(answer.status) && answer.status < 500;
    if (!ok || !problem) unexpected.push(`${caller} → ${answer.status}`);
  }
  return { unexpected, verdicts };
};

/** `describe`-level runner: one test per route, failing with every unexpected answer listed. */
export const authorizationMatrix = <F>(routes: RouteCase<F>[], target: () => MatrixTarget<F>) => {
  it.each(
    routes.map(
      (route) => [`${route.method} ${route.path.toString().replace(/^\(?\w*\)? => /, '')}`, route] as const,
    ),
  )('%s lets through exactly the callers the contract names', async (_, route) => {
    const { unexpected } = await probeRoute(target(), route);
    expect(unexpected).toEqual([]);
  });
};
