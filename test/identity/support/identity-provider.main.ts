/**
 * A real OpenID Connect provider (panva's oidc-provider) for the identity tests, in its own process
 * as an identity provider would be. It issues JWT access tokens by the client-credentials grant,
 * each client with its own signing algorithm and claims, and publishes its keys at /jwks.
 *
 * Environment: IDP_PORT (0 for any), IDP_JWKS (the private keys, a JSON JWK set). Prints one JSON
 * line `{ issuer }` when listening; then answers
 * one JSON line per JSON line on stdin: `{ rotate: jwk }` publishes a new key first and signs with
 * it from then on, `{ stats: true }` tells how often /jwks was fetched.
 */
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import type { JWK } from 'jose';
import { CONSOLE_CLIENT, IDENTITY_CLIENTS, IdentityClient } from './identity-clients';

// oidc-provider is an ES module; Node 20.19+ loads it with require.
/* eslint-disable @typescript-eslint/no-require-imports */
const Provider = (
  require('oidc-provider') as {
    default: new (
      issuer: string,
      config: object,
    ) => { callback(): (req: IncomingMessage, res: ServerResponse) => void };
    /* eslint-enable @typescript-eslint/no-require-imports */
  }
).default;

type PrivateJwk = JWK & { kid: string; alg: string };

let keys: PrivateJwk[] = JSON.parse(process.env.IDP_JWKS ?? '{"keys":[]}').keys;
let jwksFetches = 0;
let handle: (req: IncomingMessage, res: ServerResponse) => void = (_, res) => res.writeHead(503).end();

/** The newest key of an algorithm signs; older ones stay published so tokens they signed still verify. */
const signingKid = (alg: string): string => {
  const key = keys.find((candidate) => candidate.alg === alg);
  if (!key) throw new Error(`no ${alg} key`);
  return key.kid;
};

const clientNamed = (clientId: string): IdentityClient => {
  const client = [...IDENTITY_CLIENTS, CONSOLE_CLIENT].find((candidate) => candidate.clientId === clientId);
  if (!client) throw new Error(`unknown client ${clientId}`);
  return client;
};

// IDP_CONSOLE_REDIRECT_URI: also a public client for the web console's authorization code + PKCE.
const consoleRedirect = process.env.IDP_CONSOLE_REDIRECT_URI;
const consoleClients = consoleRedirect
  ? [
      {
        client_id: CONSOLE_CLIENT.clientId,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: [consoleRedirect],
        token_endpoint_auth_method: 'none',
      },
    ]
  : [];

const providerFor = (issuer: string) =>
  new Provider(issuer, {
    clients: [
      ...IDENTITY_CLIENTS.map(({ clientId, clientSecret }) => ({
        client_id: clientId,
        client_secret: clientSecret,
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
        token_endpoint_auth_method: 'client_secret_basic',
      })),
      ...consoleClients,
    ],
    jwks: { keys },
    // A browser app (the console) calls the token endpoint from its own origin, as Keycloak's
    // "Web origins" or Entra ID's SPA platform allow.
    clientBasedCORS: () => true,
    features: {
      clientCredentials: { enabled: true },
      introspection: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => 'https://api.multitrack.test',
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx: unknown, resource: string, client: { clientId: string }) => {
          const { alg } = clientNamed(client.clientId);
          return {
            scope: 'api',
            audience: resource,
            accessTokenTTL: 600,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg, kid: signingKid(alg) } },
          };
        },
      },
    },
    ttl: { ClientCredentials: 600 },
    extraTokenClaims: (_ctx: unknown, token: { clientId: string }) => clientNamed(token.clientId).claims,
  });

const main = async () => {
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url?.startsWith('/jwks')) jwksFetches += 1;
    handle(req, res);
  });
  await new Promise<void>((resolve) =>
    server.listen(Number(process.env.IDP_PORT ?? 0), '127.0.0.1', resolve),
  );
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  // A rotation replaces the provider behind the same address, as restarting the IdP with a new key set would.
  const mount = (provider: ReturnType<typeof providerFor>) => {
    handle = provider.callback();
  };
  mount(providerFor(issuer));
  process.stdout.write(`${JSON.stringify({ issuer })}\n`);

  for await (const line of createInterface({ input: process.stdin })) {
    const command = JSON.parse(line) as { rotate?: PrivateJwk; stats?: boolean };
    if (command.rotate) {
      keys = [command.rotate, ...keys];
      mount(providerFor(issuer));
      process.stdout.write(`${JSON.stringify({ kids: keys.map((key) => key.kid) })}\n`);
    } else {
      process.stdout.write(`${JSON.stringify({ jwksFetches })}\n`);
    }
  }
  server.close();
};

void main();
