import { SignJWT } from 'jose';
import { Role } from './actor';

/** A development token outlives no working day: a leaked one is useless by tomorrow. */
export const MAX_DEVELOPMENT_TOKEN_TTL_S = 24 * 60 * 60;

export interface TokenRequest {
  secret: string;
  sub: string;
  roles: Role[];
  org?: string;
  /** At most {@link MAX_DEVELOPMENT_TOKEN_TTL_S}; 3600 when absent. */
  ttlSeconds?: number;
  issuer?: string;
  audience?: string;
}

/** An HS256 token for development and tests (`npm run token`); production tokens come from the IdP. */
export const signDevelopmentToken = async (request: TokenRequest): Promise<string> => {
  const ttlSeconds = request.ttlSeconds ?? 3600;
  if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0 || ttlSeconds > MAX_DEVELOPMENT_TOKEN_TTL_S) {
    throw new RangeError(
      `a development token lives 1 to ${MAX_DEVELOPMENT_TOKEN_TTL_S} seconds (24 h), not ${ttlSeconds}`,
    );
  }
  const jwt = new SignJWT({ roles: request.roles, ...(request.org ? { org: request.org } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.sub)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`);
  if (request.issuer) jwt.setIssuer(request.issuer);
  if (request.audience) jwt.setAudience(request.audience);
  return jwt.sign(new TextEncoder().encode(request.secret));
};
