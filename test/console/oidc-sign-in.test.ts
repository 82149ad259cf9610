import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright';
import { freePort } from '../../bench/support/free-port';
import { IdentityProvider, signingKey, startIdentityProvider } from '../identity/support/identity-provider';
import { CONSOLE_CLIENT } from '../identity/support/identity-clients';
import { startStandalone, StandaloneProcess } from '../standalone/standalone-process';
import { launchChromium, step } from './browser';

// With CONSOLE_OIDC_CLIENT_ID the console signs in at the provider by authorization code + PKCE:
// a real OpenID Connect provider (oidc-provider, its development login screens), a real browser.
const audience = 'https://api.multitrack.test';
let idp: IdentityProvider;
let app: StandaloneProcess;
let dataDir: string;
let browser: Browser;

beforeAll(async () => {
  const port = await freePort();
  idp = await startIdentityProvider(
    [await signingKey('RS256', 'console-key')],
    `http://127.0.0.1:${port}/console/`,
  );
  dataDir = await mkdtemp(path.join(tmpdir(), 'multitrack-console-oidc-'));
  app = await startStandalone(
    {
      DATA_DIR: dataDir,
      AUTH_JWKS_URL: idp.jwksUri,
      AUTH_ISSUER: idp.issuer,
      AUTH_AUDIENCE: audience,
      AUTH_ALLOW_HTTP_JWKS: 'true',
      CONSOLE_OIDC_CLIENT_ID: CONSOLE_CLIENT.clientId,
    },
    port,
  );
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await idp?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('signing in to the console at the identity provider', () => {
  it('gets an access token by authorization code + PKCE, keeps it out of URLs and localStorage, and uses it', async () => {
    const context = await browser.newContext();
    // Generous: beside the chaos suite on two cores, Chromium has taken over 15 s to render a page.
    context.setDefaultTimeout(30_000);
    const page = await context.newPage();
    const visited: string[] = [];
    page.on('request', (request) => visited.push(request.url()));
    await step(page, 'oidc', async () => {
      await page.goto(`${app.url}/console/`);
      await page.getByRole('button', { name: /^Sign in at 127\.0\.0\.1/ }).click();
      await page.waitForURL(/\/interaction\//);
      const authorization = new URL(visited.find((url) => url.startsWith(`${idp.issuer}/auth`))!);
      expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
      expect(authorization.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      // oidc-provider's development screens: any login, then consent.
      await page.locator('input[name="login"]').fill('ines');
      await page.locator('input[name="password"]').fill('any');
      await page.locator('button[type="submit"]').click();
      await page.locator('button[type="submit"]', { hasText: /continue/i }).click();
      await page.getByText('Signed in as').waitFor();
      await page.getByText('ines', { exact: true }).waitFor();
      // The auditor's first page calls the API with that token: it is accepted.
      await page.getByRole('heading', { name: 'Funding flow' }).waitFor();
      await page.getByText('No money has been committed yet.').waitFor();
      expect(new URL(page.url()).search).toBe('');
      const saved = await page.evaluate<string>("sessionStorage.getItem('multitrack.console.token')");
      const { token } = JSON.parse(saved) as { token: string };
      expect(token.split('.')).toHaveLength(3);
      expect(await page.evaluate<number>('localStorage.length')).toBe(0);
      expect(visited.filter((url) => url.includes(token))).toEqual([]);
    });
    await context.close();
  });
});
