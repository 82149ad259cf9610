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

/** Reads the claims to choose what to show; the server alone decides what the token may do. */
export const sessionOf = (token: string): Session => {
  const claims = claimsOf(token.trim());
  const roles = Array.isArray(claims.roles) ? (claims.roles as Role[]) : [];
  return {
    token: token.trim(),
    sub: String(claims.sub ?? ''),
    roles,
    org: typeof claims.org === 'string' ? claims.org : undefined,
    expiresAt: typeof claims.exp === 'number' ? new Date(claims.exp * 1000) : undefined,
  };
};

export const savedSession = (): Session | undefined => {
  const token = sessionStorage.getItem(KEY);
  if (!token) return undefined;
  try {
    const session = sessionOf(token);
    return session.expiresAt && session.expiresAt < new Date() ? undefined : session;
  } catch {
    return undefined;
  }
};

export const saveSession = (session: Session | undefined): void => {
  if (session) sessionStorage.setItem(KEY, session.token);
  else sessionStorage.removeItem(KEY);
};
