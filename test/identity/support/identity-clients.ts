/**
 * The applications registered at the test identity provider: each gets tokens signed with its
 * algorithm and carrying its claims, shaped as the providers in docs/identity.md issue them.
 */
export interface IdentityClient {
  clientId: string;
  clientSecret: string;
  alg: 'RS256' | 'ES256';
  claims: Record<string, unknown>;
}

const secret = 'identity-test-client-secret-of-some-length';

export const IDENTITY_CLIENTS: IdentityClient[] = [
  { clientId: 'officer-rs256', clientSecret: secret, alg: 'RS256', claims: { roles: ['officer'] } },
  { clientId: 'auditor-es256', clientSecret: secret, alg: 'ES256', claims: { roles: ['auditor'] } },
  {
    clientId: 'ngo-rs256',
    clientSecret: secret,
    alg: 'RS256',
    claims: { roles: ['ngo'], org: 'US-EIN-100001' },
  },
  {
    // Keycloak: realm roles beside its own, the organisation from a user-attribute mapper.
    clientId: 'keycloak-ngo',
    clientSecret: secret,
    alg: 'RS256',
    claims: {
      realm_access: { roles: ['default-roles-multitrack', 'offline_access', 'ngo'] },
      organization: 'KE-NCB-12345',
    },
  },
];

/** The web console's public client (authorization code + PKCE, no secret): an auditor's tokens. */
export const CONSOLE_CLIENT: IdentityClient = {
  clientId: 'multitrack-console',
  clientSecret: '',
  alg: 'RS256',
  claims: { roles: ['auditor'] },
};

export const clientSecretOf = (clientId: string): string => {
  const client = IDENTITY_CLIENTS.find((candidate) => candidate.clientId === clientId);
  if (!client) throw new Error(`unknown client ${clientId}`);
  return client.clientSecret;
};
