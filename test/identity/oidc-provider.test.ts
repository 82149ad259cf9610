import { SignJWT, importJWK } from 'jose';
import { freePort } from '../../bench/support/free-port';
import { IdentityProvider, signingKey, SigningKey, startIdentityProvider } from './support/identity-provider';
import { startWhoAmIApp, WhoAmIApp } from './support/whoami-app';

/**
 * Tokens from a real OpenID Connect provider (oidc-provider on 127.0.0.1), verified by the
 * platform's HTTP app through the provider's published JWKS, as in production.
 */
describe('authentication against a real OpenID Connect provider', () => {
  const audience = 'https://api.multitrack.test';
  let keys: SigningKey[];
  let idp: IdentityProvider;
  let app: WhoAmIApp;
  const jwksEnv = (provider: IdentityProvider, extra: Record<string, string> = {}) => ({
    AUTH_JWKS_URL: provider.jwksUri,
    AUTH_ISSUER: provider.issuer,
    AUTH_AUDIENCE: audience,
    AUTH_ALLOW_HTTP_JWKS: 'true',
    AUTH_JWKS_COOLDOWN_S: '1',
    ...extra,
  });

  beforeAll(async () => {
    keys = [await signingKey('RS256', 'rsa-1'), await signingKey('ES256', 'ec-1')];
    idp = await startIdentityProvider(keys);
    app = await startWhoAmIApp(jwksEnv(idp));
  });
  afterAll(async () => {
    await app?.close();
    await idp?.stop();
  });

  it('accepts an RS256 token from the provider and takes the actor from its claims', async () => {
    const { status, body } = await app.ask(await idp.token('officer-rs256'));
    expect(status).toBe(200);
    expect(body).toEqual({ sub: 'officer-rs256', roles: ['officer'] });
  });

  it('accepts an ES256 token from the provider', async () => {
    const { status, body } = await app.ask(await idp.token('auditor-es256'));
    expect(status).toBe(200);
    expect(body).toEqual({ sub: 'auditor-es256', roles: ['auditor'] });
  });

  it('carries the organisation of an ngo token', async () => {
    expect((await app.ask(await idp.token('ngo-rs256'))).body).toEqual({
      sub: 'ngo-rs256',
      roles: ['ngo'],
      organizationId: 'US-EIN-100001',
    });
  });

  it('refuses a token the same provider issued for another audience', async () => {
    const { status, body } = await app.ask(await idp.token('officer-rs256', 'https://another-api.example'));
    expect(status).toBe(401);
    expect(body.detail).toMatch(/"aud" claim/);
  });

  it('refuses a token from another issuer, even one signed with the same keys', async () => {
    // As with a multi-tenant provider: one key set, many issuers. Only `iss` tells them apart.
    const other = await startIdentityProvider(keys);
    try {
      const { status, body } = await app.ask(await other.token('officer-rs256'));
      expect(status).toBe(401);
      expect(body.detail).toMatch(/"iss" claim/);
    } finally {
      await other.stop();
    }
  });

  it('reads roles and organisation from the configured claim paths (a Keycloak-shaped token)', async () => {
    const keycloak = await startWhoAmIApp(
      jwksEnv(idp, { AUTH_ROLES_CLAIM: 'realm_access.roles', AUTH_ORG_CLAIM: 'organization' }),
    );
    try {
      const token = await idp.token('keycloak-ngo');
      // Keycloak's own realm roles (offline_access, default-roles-…) are ignored, not refused.
      expect((await keycloak.ask(token)).body).toEqual({
        sub: 'keycloak-ngo',
        roles: ['ngo'],
        organizationId: 'KE-NCB-12345',
      });
      const { status, body } = await app.ask(token);
      expect(status).toBe(401);
      expect(body.detail).toBe('token has no roles (claim "roles")');
    } finally {
      await keycloak.close();
    }
  });

  it('picks up a rotated key without a restart, with one bounded refetch of the JWKS', async () => {
    const before = await idp.token('officer-rs256');
    expect((await app.ask(before)).status).toBe(200);
    const kids = await idp.rotate(await signingKey('RS256', 'rsa-2'));
    expect(kids).toEqual(['rsa-2', 'rsa-1', 'ec-1']);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // past the 1 s cooldown of the last fetch

    const fetchesBefore = await idp.jwksFetches();
    const after = await idp.token('officer-rs256');
    expect(JSON.parse(Buffer.from(after.split('.')[0], 'base64url').toString()).kid).toBe('rsa-2');
    expect((await app.ask(after)).status).toBe(200);
    expect(await idp.jwksFetches()).toBe(fetchesBefore + 1);
    // The old key is still published, so tokens it signed stay good until they expire.
    expect((await app.ask(before)).status).toBe(200);
  });

  it('does not let tokens naming unknown keys make it fetch the JWKS again and again', async () => {
    const forger = await signingKey('RS256', 'forged');
    const privateKey = await importJWK(forger, 'RS256');
    const fetchesBefore = await idp.jwksFetches();
    for (let attempt = 0; attempt < 20; attempt++) {
      const forged = await new SignJWT({ roles: ['admin'] })
        .setProtectedHeader({ alg: 'RS256', kid: `forged-${attempt}` })
        .setIssuer(idp.issuer)
        .setAudience(audience)
        .setSubject('mallory')
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey);
      const { status, body } = await app.ask(forged);
      expect(status).toBe(401);
      expect(body.detail).toBe('token signed by an unknown key');
    }
    // At most one refetch per cooldown (1 s here, 30 s by default), however many forged kids arrive.
    expect((await idp.jwksFetches()) - fetchesBefore).toBeLessThanOrEqual(1);
  });

  it('answers 503, not 401, while the signing keys cannot be fetched', async () => {
    const unreachable = await startWhoAmIApp(
      jwksEnv(idp, { AUTH_JWKS_URL: `http://127.0.0.1:${await freePort()}/jwks` }),
    );
    try {
      const { status, body } = await unreachable.ask(await idp.token('officer-rs256'));
      expect(status).toBe(503);
      expect(body.detail).toBe('token signing keys are unavailable');
    } finally {
      await unreachable.close();
    }
  });
});
