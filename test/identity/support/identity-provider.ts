import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface, Interface } from 'node:readline';
import { exportJWK, generateKeyPair, JWK } from 'jose';
import { clientSecretOf } from './identity-clients';

const root = path.resolve(__dirname, '../../..');
const main = path.join(__dirname, 'identity-provider.main.ts');

export type SigningKey = JWK & { kid: string; alg: 'RS256' | 'ES256' };

export const signingKey = async (alg: 'RS256' | 'ES256', kid: string): Promise<SigningKey> => {
  const { privateKey } = await generateKeyPair(alg, { extractable: true });
  return { ...(await exportJWK(privateKey)), kid, alg, use: 'sig' };
};

export interface IdentityProvider {
  issuer: string;
  jwksUri: string;
  /** An access token by the client-credentials grant, for `resource` (the audience). */
  token(clientId: string, resource?: string): Promise<string>;
  /** Publishes `key` first and signs its algorithm's tokens with it from now on. */
  rotate(key: SigningKey): Promise<string[]>;
  jwksFetches(): Promise<number>;
  stop(): Promise<void>;
}

/** Starts the provider in its own process on 127.0.0.1 (any free port) and reads its discovery document. */
export const startIdentityProvider = async (
  keys: SigningKey[],
  /** Registers the web console's public client with this redirect URI. */
  consoleRedirectUri?: string,
): Promise<IdentityProvider> => {
  const child: ChildProcess = spawn(process.execPath, ['-r', '@swc-node/register', main], {
    cwd: root,
    env: {
      ...process.env,
      IDP_PORT: '0',
      IDP_JWKS: JSON.stringify({ keys }),
      ...(consoleRedirectUri ? { IDP_CONSOLE_REDIRECT_URI: consoleRedirectUri } : {}),
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk) => (errors += chunk));
  const lines: Interface = createInterface({ input: child.stdout! });
  const answers = lines[Symbol.asyncIterator]();
  // Answers are JSON lines; anything else on stdout is the provider's own notices.
  const next = async <T>(): Promise<T> => {
    for (;;) {
      const { value, done } = await answers.next();
      if (done) throw new Error(`the identity provider stopped: ${errors}`);
      if ((value as string).startsWith('{')) return JSON.parse(value as string) as T;
    }
  };
  const ask = async <T>(command: object): Promise<T> => {
    child.stdin!.write(`${JSON.stringify(command)}\n`);
    return next<T>();
  };

  const { issuer } = await next<{ issuer: string }>();
  const discovery = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as {
    jwks_uri: string;
    token_endpoint: string;
    issuer: string;
  };
  if (discovery.issuer !== issuer)
    throw new Error(`discovery names issuer ${discovery.issuer}, expected ${issuer}`);

  return {
    issuer,
    jwksUri: discovery.jwks_uri,
    async token(clientId, resource = 'https://api.multitrack.test') {
      const response = await fetch(discovery.token_endpoint, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${clientId}:${clientSecretOf(clientId)}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ grant_type: 'client_credentials', resource, scope: 'api' }),
      });
      const body = (await response.json()) as {
        access_token?: string;
        error?: string;
        error_description?: string;
      };
      if (!body.access_token)
        throw new Error(`token request for ${clientId} failed: ${body.error}: ${body.error_description}`);
      return body.access_token;
    },
    rotate: async (key) => (await ask<{ kids: string[] }>({ rotate: key })).kids,
    jwksFetches: async () => (await ask<{ jwksFetches: number }>({ stats: true })).jwksFetches,
    async stop() {
      if (child.exitCode !== null) return;
      child.stdin!.end();
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
};
