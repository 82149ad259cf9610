/**
 * The signed-in caller. The token lives in sessionStorage (gone with the tab, never in
 * localStorage, never in a URL) and is only ever sent as an Authorization header.
 */
export type Role = 'officer' | 'ngo' | 'auditor' | 'admin' | 'witness';

export interface Session {
  token: string;
  sub: string;
  roles: Role[];
  org?: string;
  expiresAt?: Date;
  paths: ClaimPaths;
}

const KEY = 'multitrack.console.token';

const claimsOf = (token: string): Record<string, unknown> => {
  const [, payload] = token.split('.');
  if (!payload) throw new Error('This is not a JWT: it needs three parts separated by dots.');
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as Record<
    string,
    unknown
  >;
};

/** Where the identity provider puts roles and organisation (AUTH_ROLES_CLAIM, AUTH_ORG_CLAIM). */
export interface ClaimPaths {
  rolesClaim: string;
  orgClaim: string;
}
const defaultPaths: ClaimPaths = { rolesClaim: 'roles', orgClaim: 'org' };
const claimAt = (claims: Record<string, unknown>, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], claims);

/** Reads the claims to choose what to show; the server alone decides what the token may do. */
export const sessionOf = (token: string, paths: ClaimPaths = defaultPaths): Session => {
  const claims = claimsOf(token.trim());
  const roles = claimAt(claims, paths.rolesClaim);
  const org = claimAt(claims, paths.orgClaim);
  return {
    token: token.trim(),
    sub: String(claims.sub ?? ''),
    roles: Array.isArray(roles) ? (roles as Role[]) : [],
    org: typeof org === 'string' ? org : undefined,
    expiresAt: typeof claims.exp === 'number' ? new Date(claims.exp * 1000) : undefined,
    paths,
  };
};

export const savedSession = (): Session | undefined => {
  const saved = sessionStorage.getItem(KEY);
  if (!saved) return undefined;
  try {
    const { token, paths } = JSON.parse(saved) as { token: string; paths: ClaimPaths };
    const session = sessionOf(token, paths);
    return session.expiresAt && session.expiresAt < new Date() ? undefined : session;
  } catch {
    return undefined;
  }
};

export const saveSession = (session: Session | undefined): void => {
  if (session) sessionStorage.setItem(KEY, JSON.stringify({ token: session.token, paths: session.paths }));
  else sessionStorage.removeItem(KEY);
};
