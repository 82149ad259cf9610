/** Token verification settings; apps fill them from `AUTH_*` variables. */
export interface AuthOptions {
  /** HS256 shared secret (development and tests). */
  jwtSecret?: string;
  /** JWKS endpoint of the identity provider (production). */
  jwksUrl?: string;
  /** Checked against `iss` when set. */
  issuer?: string;
  /** Checked against `aud` when set. */
  audience?: string;
  /** Tolerated clock skew; API.md allows at most 30 s. */
  clockToleranceSeconds?: number;
}

/** Asymmetric algorithms only: a shared-secret token must never pass in JWKS mode. */
export const JWKS_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'ES384', 'EdDSA'];
export const SHARED_SECRET_ALGORITHMS = ['HS256'];
/** RFC 7518 §3.2: an HS256 key must be at least as long as the hash output. */
export const MIN_SECRET_LENGTH = 32;

/** A start-up misconfiguration, reported as one line naming the variable. */
export class AuthConfigurationError extends Error {
  override readonly name = 'AuthConfigurationError';
  constructor(
    readonly variable: string,
    readonly reason: string,
  ) {
    super(`${variable}: ${reason}`);
  }
}

export type AuthMode = { kind: 'jwks'; url: URL } | { kind: 'shared-secret'; secret: Uint8Array };

export const resolveAuthMode = (options: AuthOptions): AuthMode => {
  const { jwtSecret, jwksUrl } = options;
  if (jwtSecret && jwksUrl) {
    throw new AuthConfigurationError(
      'AUTH_JWKS_URL',
      'set exactly one of AUTH_JWKS_URL (production) and AUTH_JWT_SECRET (development/tests), not both',
    );
  }
  if (jwksUrl) {
    if (!URL.canParse(jwksUrl)) throw new AuthConfigurationError('AUTH_JWKS_URL', 'must be an absolute URL');
    return { kind: 'jwks', url: new URL(jwksUrl) };
  }
  if (jwtSecret) {
    if (jwtSecret.length < MIN_SECRET_LENGTH) {
      throw new AuthConfigurationError('AUTH_JWT_SECRET', `must be at least ${MIN_SECRET_LENGTH} characters`);
    }
    return { kind: 'shared-secret', secret: new TextEncoder().encode(jwtSecret) };
  }
  throw new AuthConfigurationError(
    'AUTH_JWKS_URL',
    'set exactly one of AUTH_JWKS_URL (production) and AUTH_JWT_SECRET (development/tests); neither is set',
  );
};
