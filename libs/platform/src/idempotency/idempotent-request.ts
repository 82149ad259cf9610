import { createHmac } from 'node:crypto';
import canonicalize from 'canonicalize';

/** What a key is scoped to: the caller and the route (pattern and parameters). */
export interface IdempotencyScope {
  principal: string;
  route: string;
  key: string;
}

/**
 * The route a key is scoped to: method, route pattern, and the route parameters as canonical
 * JSON, e.g. `POST /v1/matches/:id/disbursements {"id":"m-1"}`. The pattern rather than the raw
 * path, so percent-encoding and trailing slashes cannot make one route look like two.
 */
export const routeOf = (method: string, pattern: string, params: Record<string, unknown> = {}): string =>
  Object.keys(params).length === 0 ? `${method} ${pattern}` : `${method} ${pattern} ${canonicalize(params)}`;

/**
 * HMAC-SHA-256 over method, route and the body's canonical JSON (RFC 8785), as lowercase hex.
 * Keyed, so that a stored hash cannot confirm a guessed body — an erased organisation's e-mail,
 * say — to whoever reads the table without the key.
 */
export const requestHashOf = (key: Uint8Array, method: string, route: string, body: unknown): string =>
  createHmac('sha256', key)
    .update(`${method}\n${route}\n${canonicalize(body ?? null) ?? 'null'}`)
    .digest('hex');
