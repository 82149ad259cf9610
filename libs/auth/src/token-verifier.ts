import { ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import { createRemoteJWKSet, errors, jwtVerify, JWTPayload, JWTVerifyGetKey, JWTVerifyOptions } from 'jose';
import { Actor, isRole, ORGANIZATION_ID_PATTERN } from './actor';
import {
  AuthMode,
  AuthOptions,
  JWKS_ALGORITHMS,
  resolveAuthMode,
  SHARED_SECRET_ALGORITHMS,
} from './auth-options';

const DEFAULT_CLOCK_TOLERANCE_S = 30;

/** Missing or invalid credentials: always a 401, with the reason in the problem's `detail`. */
export class InvalidToken extends UnauthorizedException {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** Verifies bearer tokens with jose and turns their claims into an {@link Actor}. */
export class TokenVerifier {
  private readonly mode: AuthMode;
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly verifyOptions: JWTVerifyOptions;

  constructor(options: AuthOptions) {
    this.mode = resolveAuthMode(options);
    this.key = this.mode.kind === 'jwks' ? createRemoteJWKSet(this.mode.url) : this.mode.secret;
    this.verifyOptions = {
      algorithms: this.mode.kind === 'jwks' ? JWKS_ALGORITHMS : SHARED_SECRET_ALGORITHMS,
      issuer: options.issuer || undefined,
      audience: options.audience || undefined,
      clockTolerance: options.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_S,
      requiredClaims: ['exp', 'sub'],
    };
  }

  /** One line for the start-up log, so nobody runs production on the development secret unawares. */
  describe(): string {
    return this.mode.kind === 'jwks'
      ? `auth: verifying tokens against the JWKS at ${this.mode.url.href} (${JWKS_ALGORITHMS.join(', ')})`
      : 'auth: verifying HS256 tokens with AUTH_JWT_SECRET (development and tests only)';
  }

  async verify(token: string): Promise<Actor> {
    let payload: JWTPayload;
    try {
      // jose's overloads differ only by key type; both are valid here.
      payload = (await jwtVerify(token, this.key as Uint8Array, this.verifyOptions)).payload;
    } catch (error) {
      throw translate(error);
    }
    return actorFrom(payload);
  }
}

const translate = (error: unknown): Error => {
  // Our side failing to fetch keys is not the caller's fault.
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || !(error instanceof errors.JOSEError)) {
    return new ServiceUnavailableException('token signing keys are unavailable');
  }
  if (error instanceof errors.JWTExpired) return new InvalidToken('token expired');
  if (error instanceof errors.JWTClaimValidationFailed) return new InvalidToken(`token rejected: ${error.message}`);
  if (error instanceof errors.JOSEAlgNotAllowed) return new InvalidToken('token algorithm not allowed');
  if (error instanceof errors.JWSSignatureVerificationFailed) return new InvalidToken('token signature invalid');
  if (error instanceof errors.JWKSNoMatchingKey) return new InvalidToken('token signed by an unknown key');
  return new InvalidToken('malformed token');
};

const actorFrom = (payload: JWTPayload): Actor => {
  const { sub, roles, org } = payload as JWTPayload & { roles?: unknown; org?: unknown };
  if (typeof sub !== 'string' || sub.length === 0) throw new InvalidToken('token has no sub');
  if (!Array.isArray(roles) || roles.length === 0) throw new InvalidToken('token has no roles');
  const unknown = roles.find((role) => !isRole(role));
  if (unknown !== undefined) throw new InvalidToken(`token has an unknown role: ${String(unknown)}`);
  if (org !== undefined && (typeof org !== 'string' || !ORGANIZATION_ID_PATTERN.test(org))) {
    throw new InvalidToken('token org is not an IATI organisation identifier');
  }
  if (roles.includes('ngo') && org === undefined) throw new InvalidToken('an ngo token needs an org claim');
  return org === undefined ? { sub, roles } : { sub, roles, organizationId: org };
};
