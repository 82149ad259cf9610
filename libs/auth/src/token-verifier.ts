import { ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { createRemoteJWKSet, errors, jwtVerify, JWTPayload, JWTVerifyGetKey, JWTVerifyOptions } from 'jose';
import { Actor, isRole, ORGANIZATION_ID_PATTERN, Role, ROLES } from './actor';
import {
  AuthMode,
  AuthOptions,
  DEFAULT_JWKS_COOLDOWN_S,
  DEFAULT_MAX_TOKEN_AGE_S,
  DEFAULT_ORGANIZATION_CLAIM,
  DEFAULT_ROLES_CLAIM,
  JWKS_ALGORITHMS,
  resolveAuthMode,
  SHARED_SECRET_ALGORITHMS,
} from './auth-options';
import { claimAt } from './claim-path';

const DEFAULT_CLOCK_TOLERANCE_S = 30;

/**
 * Verified tokens kept, keyed by the token itself: a client sends the same bearer token with
 * every request, and verifying it (a signature, claims) cost ~3 % of a request's CPU. Bounded, and
 * each entry lives only until the token's `exp` or its maximum age, whichever is sooner (without
 * the clock tolerance jose grants, so a cached token is never accepted when jose would refuse it).
 * A key withdrawn from the JWKS stops new tokens at once; tokens already verified with it keep
 * working until they expire, as with any verifier that caches keys.
 */
const VERIFIED_TOKENS_KEPT = 10_000;

/** Missing or invalid credentials: always a 401, with the reason in the problem's `detail`. */
export class InvalidToken extends UnauthorizedException {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** Where the actor's parts are read from in a verified token. */
interface ClaimNames {
  roles: string;
  organization: string;
}

/** Verifies bearer tokens with jose and turns their claims into an {@link Actor}. */
export class TokenVerifier {
  private readonly mode: AuthMode;
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly verifyOptions: JWTVerifyOptions;
  private readonly claims: ClaimNames;
  private readonly verified = new LRUCache<string, Actor>({ max: VERIFIED_TOKENS_KEPT });

  constructor(options: AuthOptions) {
    this.mode = resolveAuthMode(options);
    // jose refetches the set when a token names an unknown kid (a rotation), at most once per
    // cooldown, and otherwise keeps it for 10 minutes.
    this.key =
      this.mode.kind === 'jwks'
        ? createRemoteJWKSet(this.mode.url, {
            cooldownDuration: (options.jwksCooldownSeconds ?? DEFAULT_JWKS_COOLDOWN_S) * 1000,
          })
        : this.mode.secret;
    this.verifyOptions = {
      algorithms: this.mode.kind === 'jwks' ? JWKS_ALGORITHMS : SHARED_SECRET_ALGORITHMS,
      issuer: options.issuer || undefined,
      audience: options.audience || undefined,
      clockTolerance: options.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_S,
      maxTokenAge: options.maxTokenAgeSeconds ?? DEFAULT_MAX_TOKEN_AGE_S,
      requiredClaims: ['exp', 'iat', 'sub'],
    };
    this.claims = {
      roles: options.rolesClaim || DEFAULT_ROLES_CLAIM,
      organization: options.organizationClaim || DEFAULT_ORGANIZATION_CLAIM,
    };
  }

  /** One line for the start-up log, so nobody runs production on the development secret unawares. */
  describe(): string {
    if (this.mode.kind === 'shared-secret')
      return 'auth: verifying HS256 tokens with AUTH_JWT_SECRET (development and tests only)';
    const plain =
      this.mode.url.protocol === 'http:' ? ' over plain HTTP (AUTH_ALLOW_HTTP_JWKS=true: tests only)' : '';
    return (
      `auth: verifying tokens against the JWKS at ${this.mode.url.href}${plain} (${JWKS_ALGORITHMS.join(', ')}), ` +
      `issuer ${String(this.verifyOptions.issuer)}, audience ${String(this.verifyOptions.audience)}, ` +
      `roles from "${this.claims.roles}", organisation from "${this.claims.organization}"`
    );
  }

  async verify(token: string): Promise<Actor> {
    const known = this.verified.get(token);
    if (known) return known;
    let payload: JWTPayload;
    try {
      // jose's overloads differ only by key type; both are valid here.
      payload = (await jwtVerify(token, this.key as Uint8Array, this.verifyOptions)).payload;
    } catch (error) {
      throw translate(error);
    }
    const actor = actorFrom(payload, this.claims);
    const validUntilS = Math.min(payload.exp!, payload.iat! + Number(this.verifyOptions.maxTokenAge));
    const ttl = validUntilS * 1000 - Date.now();
    if (ttl > 0) this.verified.set(token, actor, { ttl });
    return actor;
  }
}

const translate = (error: unknown): Error => {
  // Our side failing to fetch keys is not the caller's fault.
  if (
    error instanceof errors.JWKSTimeout ||
    error instanceof errors.JWKSInvalid ||
    !(error instanceof errors.JOSEError)
  ) {
    return new ServiceUnavailableException('token signing keys are unavailable');
  }
  // jose reports an exceeded maximum age as an expiry of the iat claim.
  if (error instanceof errors.JWTExpired)
    return new InvalidToken(
      error.claim === 'iat' ? 'token too old (see AUTH_MAX_TOKEN_AGE_S)' : 'token expired',
    );
  if (error instanceof errors.JWTClaimValidationFailed)
    return new InvalidToken(`token rejected: ${error.message}`);
  if (error instanceof errors.JOSEAlgNotAllowed) return new InvalidToken('token algorithm not allowed');
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return new InvalidToken('token signature invalid');
  if (error instanceof errors.JWKSNoMatchingKey) return new InvalidToken('token signed by an unknown key');
  return new InvalidToken('malformed token');
};

/**
 * Roles outside Multitrack's own are ignored rather than refused: an identity provider puts its
 * own in the same claim (Keycloak's `offline_access`, `default-roles-<realm>`), and an unknown role
 * grants nothing here anyway (decision 0161).
 */
const rolesFrom = (value: unknown, claim: string): Role[] => {
  if (!Array.isArray(value) || value.length === 0)
    throw new InvalidToken(`token has no roles (claim "${claim}")`);
  const roles = [...new Set(value.filter(isRole))];
  if (roles.length === 0)
    throw new InvalidToken(`token carries none of the roles ${ROLES.join(', ')} (claim "${claim}")`);
  return roles;
};

const actorFrom = (payload: JWTPayload, claims: ClaimNames): Actor => {
  const { sub } = payload;
  if (typeof sub !== 'string' || sub.length === 0) throw new InvalidToken('token has no sub');
  const roles = rolesFrom(claimAt(payload, claims.roles), claims.roles);
  const org = claimAt(payload, claims.organization);
  if (org !== undefined && (typeof org !== 'string' || !ORGANIZATION_ID_PATTERN.test(org))) {
    throw new InvalidToken(
      `token org (claim "${claims.organization}") is not an IATI organisation identifier`,
    );
  }
  if (roles.includes('ngo') && org === undefined)
    throw new InvalidToken(`an ngo token needs an org claim ("${claims.organization}")`);
  return org === undefined ? { sub, roles } : { sub, roles, organizationId: org };
};
