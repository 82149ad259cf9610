/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are untyped JSON; tests assert on their shape */
export interface Answer<T = any> {
  status: number;
  headers: Headers;
  contentType: string | null;
  body: T;
}

export interface CallOptions {
  token?: string;
  headers?: Record<string, string>;
  /** Sent as is (for malformed and oversized bodies); otherwise `body` is JSON-encoded. */
  raw?: string;
}

/** A tiny HTTP client over fetch for the API under test. */
export const clientOf = (baseUrl: string) => {
  const call = async <T = any>(
    method: string,
    path: string,
    body?: unknown,
    options: CallOptions = {},
  ): Promise<Answer<T>> => {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const payload = options.raw ?? (body === undefined ? undefined : JSON.stringify(body));
    if (payload !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body: payload });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return {
      status: response.status,
      headers: response.headers,
      contentType: response.headers.get('content-type'),
      body: parsed as T,
    };
  };
  return {
    call,
    get: <T = any>(path: string, options?: CallOptions) => call<T>('GET', path, undefined, options),
    post: <T = any>(path: string, body: unknown, options?: CallOptions) =>
      call<T>('POST', path, body, options),
    patch: <T = any>(path: string, body: unknown, options?: CallOptions) =>
      call<T>('PATCH', path, body, options),
    put: <T = any>(path: string, body: unknown, options?: CallOptions) => call<T>('PUT', path, body, options),
  };
};

export type Client = ReturnType<typeof clientOf>;
