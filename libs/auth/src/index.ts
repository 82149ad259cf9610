export { ROLES, Role, isRole, Actor, RequestWithActor, ORGANIZATION_ID_PATTERN } from './actor';
export {
  AuthOptions,
  AuthConfigurationError,
  AuthMode,
  resolveAuthMode,
  JWKS_ALGORITHMS,
  SHARED_SECRET_ALGORITHMS,
  MIN_SECRET_LENGTH,
} from './auth-options';
export { TokenVerifier, InvalidToken } from './token-verifier';
export { Roles, Public, ROLES_KEY, PUBLIC_KEY } from './access.decorators';
export { CurrentActor } from './current-actor.decorator';
export { AuthGuard } from './auth.guard';
export { AuthModule } from './auth.module';
export { signDevelopmentToken, TokenRequest } from './sign-token';
