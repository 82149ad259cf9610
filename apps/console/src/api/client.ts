import type { Session } from './session';

/** An RFC 9457 problem from the API, or a network failure, in words a person can act on. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly type?: string,
    readonly errors?: { field: string; message: string }[],
  ) {
    super(detail || title);
  }
}

const problemOf = async (response: Response): Promise<ApiProblem> => {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as {
      title?: string;
      detail?: string;
      type?: string;
      errors?: { field: string; message: string }[];
    };
    return new ApiProblem(
      response.status,
      body.title ?? response.statusText,
      body.detail ?? '',
      body.type,
      body.errors,
    );
  } catch {
    return new ApiProblem(response.status, response.statusText, text.slice(0, 300));
  }
};

let idempotencyCounter = 0;
/** A fresh key per attempt of a form; a retry of the same submission reuses it. */
export const newIdempotencyKey = () =>
  `console-${Date.now().toString(36)}-${(idempotencyCounter++).toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

export interface SendOptions {
  ifMatch?: number;
  idempotencyKey?: string;
  /** The entity the write changed (`/v1/matches/…`), or how to name it from the answer's id. */
  entity?: string | ((written: { id: string }) => string);
}

export interface SendOptions {
  ifMatch?: number;
  idempotencyKey?: string;
  /** The entity the write changed (`/v1/matches/…`), or how to name it from the answer's id. */
  entity?: string | ((written: { id: string }) => string);
}

export interface Api {
  json<T>(path: string): Promise<T>;
  /** A single-entity read that reflects this tab's own writes (`?minRevision=`, API.md "Reads"). */
  entity<T>(path: string): Promise<T>;
  text(path: string): Promise<string>;
  blob(path: string): Promise<Blob>;
  send<T>(method: 'POST' | 'PATCH' | 'PUT', path: string, body: unknown, options?: SendOptions): Promise<T>;
}

/** The public REST API with the session's bearer token; every non-2xx answer becomes an ApiProblem. */
export const apiFor = (session: Session, base = ''): Api => {
  // Reads are eventually consistent: the revision each entity reached by this tab's writes.
  const written = new Map<string, number>();
  const call = async (path: string, init: RequestInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${session.token}`);
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, { ...init, headers });
    } catch (error) {
      throw new ApiProblem(0, 'The server did not answer', (error as Error).message);
    }
    if (!response.ok) throw await problemOf(response);
    return response;
  };
  return {
    json: async (path) => (await call(path, { headers: { accept: 'application/json' } })).json(),
    entity: async (path) => {
      const revision = written.get(path);
      const read = revision === undefined ? path : `${path}?minRevision=${revision}`;
      return (await call(read, { headers: { accept: 'application/json' } })).json();
    },
    text: async (path) => (await call(path)).text(),
    blob: async (path) => (await call(path)).blob(),
    send: async (method, path, body, options = {}) => {
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'idempotency-key': options.idempotencyKey ?? newIdempotencyKey(),
      };
      if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;
      const answer = await (await call(path, { method, headers, body: JSON.stringify(body) })).json();
      const entity = typeof options.entity === 'function' ? options.entity(answer) : options.entity;
      if (entity && typeof answer.revision === 'number')
        written.set(entity, Math.max(answer.revision, written.get(entity) ?? -1));
      return answer;
    },
  };
};
