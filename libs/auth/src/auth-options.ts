/** Token verification settings; apps fill them from `AUTH_*` variables. */
export interface AuthOptions {
  /** HS256 shared secret (development and tests). */
  jwtSecret?: string;
  /** JWKS endpoint of the identity provider (production). */
  jwksUrl?: string;
  /** Required with a JWKS; checked against `iss` whenever set. */
  issuer?: string;
  /** Required with a JWKS; checked against `aud` whenever set. */
  audience?: string;
  /** Tolerated clock skew; API.md allows at most 30 s. */
  clockToleranceSeconds?: number;
  /** Allows an `http://` JWKS URL (tests on the loopback). */
  allowHttpJwks?: boolean;
  /** A token issued (`iat`) longer ago than this is refused, whatever its `exp`. */
  maxTokenAgeSeconds?: number;
  /** Dotted path of the claim holding the roles, e.g. `realm_access.roles`. */
  rolesClaim?: string;
  /** Dotted path of the claim holding the IATI organisation identifier. */
  organizationClaim?: string;
  /** After a JWKS fetch, an unknown `kid` triggers no new fetch for this long (bounds forged-kid load). */
  jwksCooldownSeconds?: number;
}

/** Asymmetric algorithms only: a shared-secret token must never pass in JWKS mode. */
export const JWKS_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'ES384', 'EdDSA'];
export const SHARED_SECRET_ALGORITHMS = ['HS256'];
/** RFC 7518 §3.2: an HS256 key must be at least as long as the hash output. */
export const MIN_SECRET_LENGTH = 32;

export const DEFAULT_ROLES_CLAIM = 'roles';
export const DEFAULT_ORGANIZATION_CLAIM = 'org';
export const DEFAULT_MAX_TOKEN_AGE_S = 24 * 60 * 60;
export const DEFAULT_JWKS_COOLDOWN_S = 30;

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

const EXACTLY_ONE = 'set exactly one of AUTH_JWKS_URL (production) and AUTH_JWT_SECRET (development/tests)';

export const resolveAuthMode = (options: AuthOptions): AuthMode => {
  const { jwtSecret, jwksUrl } = options;
  if (jwtSecret && jwksUrl) throw new AuthConfigurationError('AUTH_JWKS_URL', `${EXACTLY_ONE}, not both`);
  if (jwksUrl) return { kind: 'jwks', url: jwksEndpoint(options, jwksUrl) };
  if (jwtSecret) {
    if (jwtSecret.length < MIN_SECRET_LENGTH) {
      throw new AuthConfigurationError('AUTH_JWT_SECRET', `must be at least ${MIN_SECRET_LENGTH} characters`);
    }
    return { kind: 'shared-secret', secret: new TextEncoder().encode(jwtSecret) };
  }
  throw new AuthConfigurationError('AUTH_JWKS_URL', `${EXACTLY_ONE}; neither is set`);
};

/**
 * A JWKS trusts whatever the provider signs, for anyone: without `iss` and `aud` checks a token the
 * same provider issued to another application would pass. Keys fetched over plain HTTP could be
 * swapped on the way, so only tests on the loopback may say so explicitly.
 */
const jwksEndpoint = (options: AuthOptions, jwksUrl: string): URL => {
  if (!URL.canParse(jwksUrl)) throw new AuthConfigurationError('AUTH_JWKS_URL', 'must be an absolute URL');
  const url = new URL(jwksUrl);
  if (url.protocol === 'http:' && !options.allowHttpJwks) {
    throw new AuthConfigurationError(
      'AUTH_JWKS_URL',
      'must be an https:// URL (AUTH_ALLOW_HTTP_JWKS=true allows http:// for tests)',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AuthConfigurationError('AUTH_JWKS_URL', 'must be an https:// URL');
  }
  if (!options.issuer) {
    throw new AuthConfigurationError(
      'AUTH_ISSUER',
      "is required with AUTH_JWKS_URL (the identity provider's issuer, e.g. https://idp.example/realms/multitrack)",
    );
  }
  if (!options.audience) {
    throw new AuthConfigurationError(
      'AUTH_AUDIENCE',
      'is required with AUTH_JWKS_URL (the audience the provider puts in tokens for this API)',
    );
  }
  return url;
};
