import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, KeyLike, SignJWT, UnsecuredJWT } from 'jose';
import { AuthConfigurationError, AuthOptions } from './auth-options';
import { signDevelopmentToken } from './sign-token';
import { InvalidToken, TokenVerifier } from './token-verifier';

const secret = 'a-development-secret-of-32-chars!!';
const now = () => Math.floor(Date.now() / 1000);
const hs256 = (claims: Record<string, unknown>, key = secret) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(key));

const rejection = async (verifier: TokenVerifier, token: string): Promise<string> => {
  const error = await verifier.verify(token).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidToken);
  return (error as InvalidToken).reason;
};

describe('TokenVerifier with an HS256 shared secret', () => {
  const verifier = new TokenVerifier({ jwtSecret: secret, issuer: 'multitrack-dev', audience: 'multitrack' });
  const valid = {
    sub: 'alice',
    roles: ['officer'],
    iss: 'multitrack-dev',
    aud: 'multitrack',
    iat: now(),
    exp: now() + 60,
  };

  it('accepts a valid token and returns the actor', async () => {
    await expect(verifier.verify(await hs256(valid))).resolves.toEqual({ sub: 'alice', roles: ['officer'] });
  });

  it('carries the organisation of an ngo', async () => {
    const token = await hs256({ ...valid, roles: ['ngo'], org: 'US-EIN-123' });
    await expect(verifier.verify(token)).resolves.toEqual({
      sub: 'alice',
      roles: ['ngo'],
      organizationId: 'US-EIN-123',
    });
  });

  it('accepts tokens from npm run token (signDevelopmentToken)', async () => {
    const token = await signDevelopmentToken({
      secret,
      sub: 'bob',
      roles: ['auditor', 'witness'],
      issuer: 'multitrack-dev',
      audience: 'multitrack',
    });
    await expect(verifier.verify(token)).resolves.toEqual({ sub: 'bob', roles: ['auditor', 'witness'] });
  });

  it('rejects a token signed with another secret', async () => {
    expect(await rejection(verifier, await hs256(valid, 'another-secret-of-at-least-32-chars'))).toBe(
      'token signature invalid',
    );
  });

  it('rejects an expired token beyond the 30 s leeway', async () => {
    expect(await rejection(verifier, await hs256({ ...valid, exp: now() - 31 - 5 }))).toBe('token expired');
  });

  it('accepts a token expired within the 30 s leeway', async () => {
    await expect(verifier.verify(await hs256({ ...valid, exp: now() - 10 }))).resolves.toMatchObject({
      sub: 'alice',
    });
  });

  it('rejects a token without exp', async () => {
    const { exp: _exp, ...withoutExp } = valid;
    expect(await rejection(verifier, await hs256(withoutExp))).toMatch(/"exp" claim/);
  });

  it('rejects the wrong audience and the wrong issuer', async () => {
    expect(await rejection(verifier, await hs256({ ...valid, aud: 'someone-else' }))).toMatch(/"aud" claim/);
    expect(await rejection(verifier, await hs256({ ...valid, iss: 'evil' }))).toMatch(/"iss" claim/);
  });

  it('rejects alg none', async () => {
    const unsigned = new UnsecuredJWT(valid).encode();
    expect(await rejection(verifier, unsigned)).toBe('token algorithm not allowed');
  });

  it('rejects an ngo token without org', async () => {
    expect(await rejection(verifier, await hs256({ ...valid, roles: ['ngo'] }))).toBe(
      'an ngo token needs an org claim ("org")',
    );
  });

  it('ignores roles that are not Multitrack roles, and grants only the ones that are', async () => {
    const token = await hs256({
      ...valid,
      roles: ['offline_access', 'officer', 'officer', 'default-roles-ministry'],
    });
    await expect(verifier.verify(token)).resolves.toEqual({ sub: 'alice', roles: ['officer'] });
  });

  it('rejects a token with none of the Multitrack roles, missing roles and a malformed org', async () => {
    expect(await rejection(verifier, await hs256({ ...valid, roles: ['root', 'offline_access'] }))).toMatch(
      /none of the roles officer, ngo/,
    );
    expect(await rejection(verifier, await hs256({ ...valid, roles: undefined }))).toBe(
      'token has no roles (claim "roles")',
    );
    expect(await rejection(verifier, await hs256({ ...valid, roles: 'officer' }))).toBe(
      'token has no roles (claim "roles")',
    );
    expect(await rejection(verifier, await hs256({ ...valid, org: 'not an id' }))).toMatch(/IATI/);
  });

  it('rejects a token without iat, since its age cannot be known', async () => {
    const { iat: _iat, ...withoutIat } = valid;
    expect(await rejection(verifier, await hs256(withoutIat))).toMatch(/"iat" claim/);
  });

  it('rejects a token issued longer ago than the maximum age, even if it has not expired', async () => {
    const strict = new TokenVerifier({ jwtSecret: secret, maxTokenAgeSeconds: 600 });
    const old = { ...valid, iat: now() - 600 - 31 - 5, exp: now() + 3600 };
    expect(await rejection(strict, await hs256(old))).toBe('token too old (see AUTH_MAX_TOKEN_AGE_S)');
    await expect(strict.verify(await hs256({ ...old, iat: now() - 300 }))).resolves.toMatchObject({
      sub: 'alice',
    });
  });

  it('refuses by default a token issued more than 24 hours ago', async () => {
    const old = { ...valid, iat: now() - 86_400 - 31 - 5, exp: now() + 3600 };
    expect(await rejection(verifier, await hs256(old))).toBe('token too old (see AUTH_MAX_TOKEN_AGE_S)');
  });

  it('rejects garbage', async () => {
    expect(await rejection(verifier, 'not.a.token')).toBe('malformed token');
  });
});

describe('TokenVerifier against a JWKS', () => {
  let server: Server;
  let verifier: TokenVerifier;
  let privateKey: KeyLike;

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'key-1', alg: 'ES256', use: 'sig' };
    server = createServer((_, res) =>
      res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] })),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    verifier = new TokenVerifier({
      jwksUrl: `http://127.0.0.1:${port}/jwks.json`,
      allowHttpJwks: true,
      issuer: 'https://idp.test',
      audience: 'multitrack',
    });
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const es256 = (claims: Record<string, unknown>) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'key-1' }).sign(privateKey);
  const valid = {
    sub: 'carol',
    roles: ['auditor'],
    iss: 'https://idp.test',
    aud: 'multitrack',
    iat: now(),
    exp: now() + 60,
  };

  it('accepts a token signed by a published key', async () => {
    await expect(verifier.verify(await es256(valid))).resolves.toEqual({ sub: 'carol', roles: ['auditor'] });
  });

  it('rejects an HS256 token, whatever secret signed it', async () => {
    expect(await rejection(verifier, await hs256(valid))).toBe('token algorithm not allowed');
  });

  it('rejects alg none', async () => {
    expect(await rejection(verifier, new UnsecuredJWT(valid).encode())).toBe('token algorithm not allowed');
  });

  it('rejects the wrong audience', async () => {
    expect(await rejection(verifier, await es256({ ...valid, aud: 'other' }))).toMatch(/"aud" claim/);
  });
});

describe('TokenVerifier configuration', () => {
  it('needs exactly one of AUTH_JWKS_URL and AUTH_JWT_SECRET', () => {
    expect(() => new TokenVerifier({})).toThrow(AuthConfigurationError);
    expect(() => new TokenVerifier({ jwtSecret: secret, jwksUrl: 'https://idp.example/jwks' })).toThrow(
      /not both/,
    );
  });

  it('refuses a short HS256 secret', () => {
    expect(() => new TokenVerifier({ jwtSecret: 'short' })).toThrow(/AUTH_JWT_SECRET: must be at least 32/);
  });

  const jwks = { jwksUrl: 'https://idp.example/jwks', issuer: 'https://idp.example', audience: 'multitrack' };
  const refusal = (options: AuthOptions) => {
    try {
      new TokenVerifier(options);
    } catch (error) {
      expect(error).toBeInstanceOf(AuthConfigurationError);
      return (error as AuthConfigurationError).variable;
    }
    throw new Error('the verifier accepted the configuration');
  };

  it('with a JWKS, needs the issuer and the audience', () => {
    expect(refusal({ ...jwks, issuer: undefined })).toBe('AUTH_ISSUER');
    expect(refusal({ ...jwks, audience: '' })).toBe('AUTH_AUDIENCE');
    expect(() => new TokenVerifier(jwks)).not.toThrow();
  });

  it('with a JWKS, needs https:// unless plain HTTP is allowed explicitly', () => {
    expect(refusal({ ...jwks, jwksUrl: 'http://idp.example/jwks' })).toBe('AUTH_JWKS_URL');
    expect(refusal({ ...jwks, jwksUrl: 'ftp://idp.example/jwks', allowHttpJwks: true })).toBe(
      'AUTH_JWKS_URL',
    );
    expect(
      () => new TokenVerifier({ ...jwks, jwksUrl: 'http://127.0.0.1:1/jwks', allowHttpJwks: true }),
    ).not.toThrow();
  });
});

describe('TokenVerifier keeps verified tokens only while they are valid', () => {
  const verifier = new TokenVerifier({ jwtSecret: secret, clockToleranceSeconds: 0 });
  const claims = { sub: 'bob', roles: ['officer'] };

  it('answers a token it verified before with the same actor', async () => {
    const token = await hs256({ ...claims, iat: now(), exp: now() + 60 });
    const first = await verifier.verify(token);
    await expect(verifier.verify(token)).resolves.toEqual(first);
  });

  it('refuses a kept token once it has expired', async () => {
    const token = await hs256({ ...claims, iat: now(), exp: now() + 1 });
    await expect(verifier.verify(token)).resolves.toEqual({ sub: 'bob', roles: ['officer'] });
    await new Promise((resolve) => setTimeout(resolve, 2100));
    await expect(rejection(verifier, token)).resolves.toBe('token expired');
  });

  it('refuses a kept token once it is older than the maximum age, whatever its exp', async () => {
    const young = new TokenVerifier({ jwtSecret: secret, clockToleranceSeconds: 0, maxTokenAgeSeconds: 1 });
    const token = await hs256({ ...claims, iat: now(), exp: now() + 3600 });
    await expect(young.verify(token)).resolves.toEqual({ sub: 'bob', roles: ['officer'] });
    await new Promise((resolve) => setTimeout(resolve, 2100));
    await expect(rejection(young, token)).resolves.toMatch(/too old/);
  });
});
