import { z } from 'zod';

/** docs/configuration.md: the console's sign-in at the organisation's identity provider. */
export const consoleVariables = {
  /** Turns on "Sign in with your identity provider" (authorization code + PKCE, a public client). */
  CONSOLE_OIDC_CLIENT_ID: z.string().min(1).optional(),
  /** The OpenID Connect issuer the console signs in at; AUTH_ISSUER when unset. */
  CONSOLE_OIDC_ISSUER: z.string().url('must be an absolute URL').optional(),
  CONSOLE_OIDC_SCOPE: z.string().min(1).default('openid'),
  /** RFC 8707 resource to ask the token for (an audience the API accepts); AUTH_AUDIENCE when unset. */
  CONSOLE_OIDC_RESOURCE: z.string().min(1).optional(),
};

/** What the console's browser code is told at `/console/settings.json`: nothing secret. */
export interface ConsoleSettings {
  oidc: { issuer: string; clientId: string; scope: string; resource?: string } | null;
  rolesClaim: string;
  orgClaim: string;
}

export interface ConsoleConfig {
  CONSOLE_OIDC_CLIENT_ID?: string;
  CONSOLE_OIDC_ISSUER?: string;
  CONSOLE_OIDC_SCOPE?: string;
  CONSOLE_OIDC_RESOURCE?: string;
  AUTH_ISSUER?: string;
  AUTH_AUDIENCE?: string;
  AUTH_ROLES_CLAIM?: string;
  AUTH_ORG_CLAIM?: string;
}

export const consoleSettingsOf = (config: ConsoleConfig): ConsoleSettings => {
  const issuer = config.CONSOLE_OIDC_ISSUER ?? config.AUTH_ISSUER;
  if (config.CONSOLE_OIDC_CLIENT_ID && !issuer)
    throw new Error('CONSOLE_OIDC_CLIENT_ID needs CONSOLE_OIDC_ISSUER or AUTH_ISSUER');
  const resource = config.CONSOLE_OIDC_RESOURCE ?? config.AUTH_AUDIENCE;
  return {
    oidc:
      config.CONSOLE_OIDC_CLIENT_ID && issuer
        ? {
            issuer,
            clientId: config.CONSOLE_OIDC_CLIENT_ID,
            scope: config.CONSOLE_OIDC_SCOPE ?? 'openid',
            ...(resource ? { resource } : {}),
          }
        : null,
    rolesClaim: config.AUTH_ROLES_CLAIM ?? 'roles',
    orgClaim: config.AUTH_ORG_CLAIM ?? 'org',
  };
};
