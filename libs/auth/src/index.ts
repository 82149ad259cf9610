export { ROLES, Role, isRole, Actor, RequestWithActor, ORGANIZATION_ID_PATTERN } from './actor';
export {
  AuthOptions,
  AuthConfigurationError,
  AuthMode,
  resolveAuthMode,
  JWKS_ALGORITHMS,
  SHARED_SECRET_ALGORITHMS,
  MIN_SECRET_LENGTH,
  DEFAULT_ROLES_CLAIM,
  DEFAULT_ORGANIZATION_CLAIM,
  DEFAULT_MAX_TOKEN_AGE_S,
  DEFAULT_JWKS_COOLDOWN_S,
} from './auth-options';
export { claimAt } from './claim-path';
export { TokenVerifier, InvalidToken } from './token-verifier';
export { Roles, Public, ROLES_KEY, PUBLIC_KEY } from './access.decorators';
export { CurrentActor } from './current-actor.decorator';
export { AuthGuard } from './auth.guard';
export { AuthModule } from './auth.module';
export { signDevelopmentToken, TokenRequest, MAX_DEVELOPMENT_TOKEN_TTL_S } from './sign-token';
