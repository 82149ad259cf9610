import { SignJWT } from 'jose';
import { signDevelopmentToken, type Role } from '@multitrack/auth';

export const AUTH = {
  secret: 'coordination-test-secret-of-at-least-32-characters',
  issuer: 'https://idp.multitrack.test',
  audience: 'multitrack-api',
};

export const tokenFor = (sub: string, roles: Role[], org?: string): Promise<string> =>
  signDevelopmentToken({
    secret: AUTH.secret,
    issuer: AUTH.issuer,
    audience: AUTH.audience,
    sub,
    roles,
    org,
  });

const key = () => new TextEncoder().encode(AUTH.secret);

/** Tokens that must all be a 401, whatever the route. */
export const badTokens = {
  async expired() {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ roles: ['officer', 'admin'] })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject('officer-expired')
      .setIssuer(AUTH.issuer)
      .setAudience(AUTH.audience)
      .setIssuedAt(now - 3600)
      .setExpirationTime(now - 120)
      .sign(key());
  },
  wrongAudience: () =>
    signDevelopmentToken({
      secret: AUTH.secret,
      issuer: AUTH.issuer,
      audience: 'someone-else',
      sub: 'officer-x',
      roles: ['officer', 'admin'],
    }),
  /** RFC 7519 unsecured JWT: must never be accepted. */
  async algNone() {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      sub: 'officer-none',
      roles: ['officer', 'admin', 'auditor'],
      iss: AUTH.issuer,
      aud: AUTH.audience,
      iat: now,
      exp: now + 600,
    };
    return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
  },
};
