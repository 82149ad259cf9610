import { decodeJwt } from 'jose';
import { MAX_DEVELOPMENT_TOKEN_TTL_S, signDevelopmentToken } from './sign-token';

describe('signDevelopmentToken', () => {
  const secret = 'a-development-secret-of-32-chars!!';

  it('stamps iat and an exp ttl seconds later', async () => {
    const claims = decodeJwt(
      await signDevelopmentToken({ secret, sub: 'alice', roles: ['officer'], ttlSeconds: 600 }),
    );
    expect(claims.exp! - claims.iat!).toBe(600);
  });

  it('signs a token for at most 24 hours', async () => {
    await expect(
      signDevelopmentToken({
        secret,
        sub: 'alice',
        roles: ['officer'],
        ttlSeconds: MAX_DEVELOPMENT_TOKEN_TTL_S,
      }),
    ).resolves.toEqual(expect.any(String));
    await expect(
      signDevelopmentToken({
        secret,
        sub: 'alice',
        roles: ['officer'],
        ttlSeconds: MAX_DEVELOPMENT_TOKEN_TTL_S + 1,
      }),
    ).rejects.toThrow(/24 h/);
    await expect(
      signDevelopmentToken({ secret, sub: 'alice', roles: ['officer'], ttlSeconds: 0 }),
    ).rejects.toThrow(RangeError);
  });
});
