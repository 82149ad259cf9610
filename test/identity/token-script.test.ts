import { decodeJwt } from 'jose';
import { runScript } from '../deploy/support/run-script';

const secret = 'token-script-test-secret-of-32-characters';

/** `npm run token`, as a developer types it. */
const token = (...args: string[]) => runScript('token', { AUTH_JWT_SECRET: secret }, args);

describe('npm run token', () => {
  it('mints a token for at most 24 hours', () => {
    const { status, stdout } = token('--role', 'officer', '--sub', 'alice', '--ttl', '86400');
    expect(status).toBe(0);
    const claims = decodeJwt(stdout.trim());
    expect(claims.exp! - claims.iat!).toBe(86_400);
  });

  it('refuses a lifetime over 24 hours', () => {
    const { status, stdout, stderr } = token('--role', 'officer', '--sub', 'alice', '--ttl', '86401');
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('token: --ttl 86401 is over 24 hours (86400 s); mint a new token instead\n');
  });
});
