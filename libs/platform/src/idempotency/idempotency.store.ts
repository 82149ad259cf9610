import { randomUUID } from 'node:crypto';
import { Database, migrate } from '@multitrack/database';
import { idempotencyMigrations } from './idempotency.migrations';
import { IdempotencyScope } from './idempotent-request';

/** The first answer to a key, as it is replayed. */
export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export type IdempotencyRecord =
  | { state: 'in_progress'; requestHash: string }
  | { state: 'completed'; requestHash: string; response: StoredResponse };

interface Row {
  status: 'in_progress' | 'completed';
  request_hash: string;
  response_status: number | null;
  response_headers: Record<string, string> | null;
  response_body: unknown;
}

const scopeParams = (scope: IdempotencyScope) => [scope.principal, scope.route, scope.key];
const SCOPE = 'principal = $1 AND route = $2 AND key = $3';

export const DEFAULT_RETENTION_HOURS = 24;
const PURGE_EVERY_MS = 10 * 60_000;

/** The SQL of `idempotency_keys`; survives restarts because it is the database, not memory. */
export class IdempotencyStore {
  private readonly purging: NodeJS.Timeout;

  private constructor(
    private readonly db: Database,
    private readonly retentionHours: number,
  ) {
    // Expired rows are ignored at once (below); the purge only gives their space back.
    this.purging = setInterval(() => void this.purgeExpired().catch(() => undefined), PURGE_EVERY_MS).unref();
  }

  static async open(db: Database, retentionHours = DEFAULT_RETENTION_HOURS): Promise<IdempotencyStore> {
    await migrate(db, 'idempotency', idempotencyMigrations);
    return new IdempotencyStore(db, retentionHours);
  }

  close(): void {
    clearInterval(this.purging);
  }

  /** Deletes keys past their retention; returns how many. */
  async purgeExpired(): Promise<number> {
    const { rows } = await this.db.query(
      `DELETE FROM idempotency_keys WHERE created_at <= now() - make_interval(hours => $1) RETURNING 1`,
      [this.retentionHours],
    );
    return rows.length;
  }

  /**
   * Claims the key for one execution; returns the claim id, or undefined when someone else holds
   * it. A claim older than `staleAfterMs` (its holder crashed) is taken over, same body only.
   */
  async claim(
    scope: IdempotencyScope,
    requestHash: string,
    staleAfterMs: number,
  ): Promise<string | undefined> {
    const claimId = randomUUID();
    const inserted = await this.db.query(
      `INSERT INTO idempotency_keys (principal, route, key, request_hash, status, claim_id)
       VALUES ($1, $2, $3, $4, 'in_progress', $5)
       ON CONFLICT (principal, route, key) DO NOTHING RETURNING claim_id`,
      [...scopeParams(scope), requestHash, claimId],
    );
    if (inserted.rows.length === 1) return claimId;
    // A stale claim of the same body (its holder crashed), or any key past its retention, is
    // taken over as if new.
    const takenOver = await this.db.query(
      `UPDATE idempotency_keys
          SET claim_id = $5, created_at = now(), status = 'in_progress', request_hash = $4,
              response_status = NULL, response_headers = NULL, response_body = NULL, completed_at = NULL
        WHERE ${SCOPE}
          AND ((status = 'in_progress' AND request_hash = $4
                AND created_at <= now() - make_interval(secs => $6::float8 / 1000))
               OR created_at <= now() - make_interval(hours => $7))
        RETURNING claim_id`,
      [...scopeParams(scope), requestHash, claimId, staleAfterMs, this.retentionHours],
    );
    return takenOver.rows.length === 1 ? claimId : undefined;
  }

  async find(scope: IdempotencyScope): Promise<IdempotencyRecord | undefined> {
    const { rows } = await this.db.query<Row>(
      `SELECT status, request_hash, response_status, response_headers, response_body
         FROM idempotency_keys WHERE ${SCOPE} AND created_at > now() - make_interval(hours => $4)`,
      [...scopeParams(scope), this.retentionHours],
    );
    const row = rows[0];
    if (!row) return undefined;
    if (row.status === 'in_progress') return { state: 'in_progress', requestHash: row.request_hash };
    return {
      state: 'completed',
      requestHash: row.request_hash,
      response: {
        status: Number(row.response_status),
        headers: row.response_headers ?? {},
        body: row.response_body,
      },
    };
  }

  async complete(scope: IdempotencyScope, claimId: string, response: StoredResponse): Promise<void> {
    await this.db.query(
      `UPDATE idempotency_keys
          SET status = 'completed', response_status = $5, response_headers = $6::jsonb,
              response_body = $7::jsonb, completed_at = now()
        WHERE ${SCOPE} AND claim_id = $4 AND status = 'in_progress'`,
      [
        ...scopeParams(scope),
        claimId,
        response.status,
        JSON.stringify(response.headers),
        response.body === undefined ? null : JSON.stringify(response.body),
      ],
    );
  }

  /** Gives the key back so that a retry runs again (the first attempt failed on our side). */
  async release(scope: IdempotencyScope, claimId: string): Promise<void> {
    await this.db.query(
      `DELETE FROM idempotency_keys WHERE ${SCOPE} AND claim_id = $4 AND status = 'in_progress'`,
      [...scopeParams(scope), claimId],
    );
  }
}
