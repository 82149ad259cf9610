import { hkdfSync } from 'node:crypto';
import type { HttpRequest } from '../http/http-request';
import type { RequestWithActor } from '@multitrack/auth';

export const IDEMPOTENCY_OPTIONS = Symbol('IdempotencyOptions');

export interface IdempotencyOptions {
  /** The HMAC key request hashes are computed with (kept outside the database). */
  requestHashKey: Uint8Array;
  /** How long a key and its answer are kept; after that the key is free again (default 24 h). */
  retentionHours?: number;
  /** Whose keys these are; default the `sub` the auth guard verified, else "anonymous". */
  principalOf?: (request: HttpRequest) => string | undefined;
  /** How long a second request waits for the first one's answer (default 5000 ms). */
  waitMs?: number;
  /** When an in-progress claim counts as abandoned by a crashed process (default 15 000 ms). */
  staleAfterMs?: number;
}

/**
 * The HMAC key of request hashes, derived (HKDF, its own label) from a secret the app already keeps
 * outside its database — the personal-data master key, the webhooks' secrets key: no second
 * secret to hold. Rotating that secret changes it: a retry across the rotation of a key still in
 * its retention is then a 422 (decision 0176).
 */
export const idempotencyHashKeyOf = (secret: Uint8Array): Uint8Array =>
  new Uint8Array(hkdfSync('sha256', secret, '', 'multitrack idempotency request hash', 32));

export const defaultPrincipal = (request: HttpRequest): string | undefined =>
  (request as RequestWithActor).actor?.sub;
