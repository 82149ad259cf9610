/** Exit codes a script can rely on. */
export const EXIT = { ok: 0, verificationFailed: 1, usage: 2 } as const;

/** A connection or HTTP failure: exit code 2. */
export class ClientError extends Error {
  override readonly name = 'ClientError';
}

export interface ClientOptions {
  url: string;
  token?: string;
}

/** The audit API over HTTP with the caller's bearer token. */
export const auditClient = ({ url, token }: ClientOptions) => {
  const request = async (path: string, init: RequestInit = {}): Promise<Response> => {
    const headers = {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(init.body ? { 'content-type': 'application/json' } : {}),
    };
    const response = await fetch(new URL(path, url), { ...init, headers }).catch((error: Error) => {
      throw new ClientError(`cannot reach the audit API at ${url}: ${error.message}`);
    });
    if (!response.ok)
      throw new ClientError(`${init.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
    return response;
  };
  return {
    request,
    json: async <T>(path: string, init?: RequestInit): Promise<T> =>
      (await request(path, init)).json() as Promise<T>,
    text: async (path: string): Promise<string> => (await request(path)).text(),
  };
};

export type AuditClient = ReturnType<typeof auditClient>;
