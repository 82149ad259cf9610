import * as oauth from 'oauth4webapi';
import type { ClaimPaths } from './session';

/** `/console/settings.json`, served beside the console from the API's configuration. */
export interface ConsoleSettings extends ClaimPaths {
  oidc: { issuer: string; clientId: string; scope: string; resource?: string } | null;
}

type Oidc = NonNullable<ConsoleSettings['oidc']>;
const PENDING = 'multitrack.console.oidc-pending';

export const loadSettings = async (): Promise<ConsoleSettings> => {
  const response = await fetch(`${import.meta.env.BASE_URL}settings.json`);
  if (!response.ok) return { oidc: null, rolesClaim: 'roles', orgClaim: 'org' };
  return response.json();
};

const redirectUri = () => `${location.origin}${import.meta.env.BASE_URL}`;
// Development and tests run an issuer on the loopback over http; anything else must be https.
const loopback = (issuer: URL) =>
  issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
const options = (issuer: URL) => (loopback(issuer) ? { [oauth.allowInsecureRequests]: true } : {});

const discover = async (oidc: Oidc) => {
  const issuer = new URL(oidc.issuer);
  return oauth.processDiscoveryResponse(
    issuer,
    await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...options(issuer) }),
  );
};

/**
 * Authorization code with PKCE (RFC 7636, S256) as a public client: the verifier and state wait in
 * sessionStorage for the way back; the token never appears in a URL, only the one-time code does.
 */
export const startSignIn = async (oidc: Oidc): Promise<void> => {
  const server = await discover(oidc);
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state }));
  const url = new URL(server.authorization_endpoint!);
  url.search = new URLSearchParams({
    client_id: oidc.clientId,
    redirect_uri: redirectUri(),
    response_type: 'code',
    scope: oidc.scope,
    state,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    ...(oidc.resource ? { resource: oidc.resource } : {}),
  }).toString();
  location.assign(url);
};

/** Back from the provider (`?code=…&state=…`): the access token, with the code gone from the address bar. */
export const finishSignIn = async (oidc: Oidc): Promise<string | undefined> => {
  const current = new URL(location.href);
  if (!current.searchParams.has('code') && !current.searchParams.has('error')) return undefined;
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null') as {
    verifier: string;
    state: string;
  } | null;
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', `${current.pathname}${current.hash}`);
  if (!pending) throw new Error('This sign-in was not started in this tab: start it again.');
  const server = await discover(oidc);
  const client = { client_id: oidc.clientId };
  const parameters = oauth.validateAuthResponse(server, client, current, pending.state);
  const response = await oauth.authorizationCodeGrantRequest(
    server,
    client,
    oauth.None(),
    parameters,
    redirectUri(),
    pending.verifier,
    {
      ...options(new URL(oidc.issuer)),
      ...(oidc.resource ? { additionalParameters: { resource: oidc.resource } } : {}),
    },
  );
  const tokens = await oauth.processAuthorizationCodeResponse(server, client, response);
  return tokens.access_token;
};
