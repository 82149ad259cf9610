import { SignJWT } from 'jose';
import { Role } from './actor';

export interface TokenRequest {
  secret: string;
  sub: string;
  roles: Role[];
  org?: string;
  ttlSeconds?: number;
  issuer?: string;
  audience?: string;
}

/** An HS256 token for development and tests (`npm run token`); production tokens come from the IdP. */
export const signDevelopmentToken = async (request: TokenRequest): Promise<string> => {
  const jwt = new SignJWT({ roles: request.roles, ...(request.org ? { org: request.org } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.sub)
    .setIssuedAt()
    .setExpirationTime(`${request.ttlSeconds ?? 3600}s`);
  if (request.issuer) jwt.setIssuer(request.issuer);
  if (request.audience) jwt.setAudience(request.audience);
  return jwt.sign(new TextEncoder().encode(request.secret));
};
