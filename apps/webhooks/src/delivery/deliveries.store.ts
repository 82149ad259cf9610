import type { Database, SqlExecutor } from '@multitrack/database';

export type AttemptStatus = 'delivered' | 'retrying' | 'failed';

/** One event to deliver to one subscription: what the fan-out queued. */
export interface QueuedDelivery {
  subscriptionId: string;
  eventId: string;
  position: number;
  streamId: string;
  body: string;
}

/** A delivery whose turn has come: the oldest open one of its stream, due now. */
export interface DueDelivery extends QueuedDelivery {
  attempts: number;
  url: string;
  secretSealed: string;
}

export interface AttemptRecord {
  id: number;
  eventId: string;
  attempt: number;
  status: AttemptStatus;
  responseStatus: number | null;
  at: Date;
}

export interface Outcome {
  status: AttemptStatus;
  responseStatus?: number;
  /** For `retrying`: when to try again. */
  retryInMs?: number;
}

const QUEUED_PER_STATEMENT = 1000;

interface DueRow {
  subscription_id: string;
  event_id: string;
  position: string | number;
  stream_id: string;
  body: string;
  attempts: number;
  url: string;
  secret_sealed: string;
}

const dueOf = (row: DueRow): DueDelivery => ({
  subscriptionId: row.subscription_id,
  eventId: row.event_id,
  position: Number(row.position),
  streamId: row.stream_id,
  body: row.body,
  attempts: Number(row.attempts),
  url: row.url,
  secretSealed: row.secret_sealed,
});

/**
 * The outbox of deliveries (decision 0191). Order per stream comes from the query itself: a
 * delivery is due only when no earlier event of its stream for that subscription is still open
 * (pending, retrying or failed), so a failed one holds the rest of its stream until a replay.
 */
export class DeliveriesStore {
  constructor(private readonly db: Database) {}

  /** Idempotent: the fan-out may see an event twice after a crash; the first row stands. */
  async queue(tx: SqlExecutor, deliveries: QueuedDelivery[]): Promise<void> {
    // PostgreSQL takes at most 65 535 parameters a statement.
    for (let at = 0; at < deliveries.length; at += QUEUED_PER_STATEMENT)
      await this.queueRows(tx, deliveries.slice(at, at + QUEUED_PER_STATEMENT));
  }

  private async queueRows(tx: SqlExecutor, deliveries: QueuedDelivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    const values: unknown[] = [];
    const tuples = deliveries.map((delivery, index) => {
      values.push(
        delivery.subscriptionId,
        delivery.eventId,
        delivery.position,
        delivery.streamId,
        delivery.body,
      );
      const at = index * 5;
      return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}, 'pending')`;
    });
    await tx.query(
      `INSERT INTO webhook_deliveries (subscription_id, event_id, position, stream_id, body, status)
       VALUES ${tuples.join(', ')} ON CONFLICT (subscription_id, event_id) DO NOTHING`,
      values,
    );
  }

  async fanOutCheckpoint(name: string): Promise<string | undefined> {
    const { rows } = await this.db.query<{ checkpoint: string }>(
      'SELECT checkpoint FROM webhook_fanout WHERE name = $1',
      [name],
    );
    return rows[0]?.checkpoint;
  }

  async saveFanOutCheckpoint(
    tx: SqlExecutor,
    name: string,
    checkpoint: string,
    position: number,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO webhook_fanout (name, checkpoint, position) VALUES ($1, $2, $3)
       ON CONFLICT (name) DO UPDATE SET checkpoint = excluded.checkpoint, position = excluded.position`,
      [name, checkpoint, position],
    );
  }

  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /**
   * The due lanes (subscription, stream), each as its first `perLane` open events in order, the
   * lane's head first: a lane whose head is not due (waiting to retry, failed) is left out whole.
   */
  async due(limit: number, perLane: number): Promise<DueDelivery[][]> {
    const { rows } = await this.db.query<DueRow & { n: string | number }>(
      `SELECT d.subscription_id, d.event_id, d.position, d.stream_id, d.body, d.attempts, d.n, s.url, s.secret_sealed
       FROM (SELECT *, row_number() OVER (PARTITION BY subscription_id, stream_id ORDER BY position) AS n
             FROM webhook_deliveries WHERE status <> 'delivered') d
       JOIN webhook_subscriptions s ON s.id = d.subscription_id AND s.deleted_at IS NULL
       WHERE d.n <= $2 AND d.status IN ('pending', 'retrying') AND d.next_attempt_at <= now()
       ORDER BY d.n, d.position LIMIT $1`,
      [limit * perLane, perLane],
    );
    const lanes = new Map<string, DueDelivery[]>();
    for (const row of rows) {
      const key = `${row.subscription_id}|${row.stream_id}`;
      const lane = lanes.get(key) ?? [];
      // Only an unbroken run from the head: a gap means an event before it is not due.
      if (Number(row.n) !== lane.length + 1) continue;
      lane.push(dueOf(row));
      lanes.set(key, lane);
    }
    return [...lanes.values()].slice(0, limit);
  }

  /** Attempts' outcomes and their records, together, for many deliveries in one transaction. */
  async record(results: { delivery: DueDelivery; outcome: Outcome }[]): Promise<void> {
    if (results.length === 0) return;
    const updates: unknown[] = [];
    const attempts: unknown[] = [];
    const updateRows: string[] = [];
    const attemptRows: string[] = [];
    results.forEach(({ delivery, outcome }, index) => {
      const attempt = delivery.attempts + 1;
      const at = index * 5;
      updates.push(
        delivery.subscriptionId,
        delivery.eventId,
        outcome.status,
        attempt,
        outcome.retryInMs ?? 0,
      );
      updateRows.push(
        `($${at + 1}::text, $${at + 2}::text, $${at + 3}::text, $${at + 4}::int, $${at + 5}::int8)`,
      );
      attempts.push(
        delivery.subscriptionId,
        delivery.eventId,
        attempt,
        outcome.status,
        outcome.responseStatus ?? null,
      );
      attemptRows.push(`($${at + 1}, $${at + 2}, $${at + 3}::int, $${at + 4}, $${at + 5}::int)`);
    });
    await this.db.transaction(async (tx) => {
      await tx.query(
        `UPDATE webhook_deliveries d
         SET status = v.status, attempts = v.attempts, next_attempt_at = now() + v.retry_ms * interval '1 millisecond'
         FROM (VALUES ${updateRows.join(', ')}) AS v(subscription_id, event_id, status, attempts, retry_ms)
         WHERE d.subscription_id = v.subscription_id AND d.event_id = v.event_id`,
        updates,
      );
      await tx.query(
        `INSERT INTO webhook_attempts (subscription_id, event_id, attempt, status, response_status)
         VALUES ${attemptRows.join(', ')}`,
        attempts,
      );
    });
  }

  async attempts(subscriptionId: string, limit: number, before?: number): Promise<AttemptRecord[]> {
    const { rows } = await this.db.query<{
      id: string | number;
      event_id: string;
      attempt: number;
      status: AttemptStatus;
      response_status: number | null;
      at: Date | string;
    }>(
      `SELECT id, event_id, attempt, status, response_status, at FROM webhook_attempts
       WHERE subscription_id = $1 AND ($2::int8 IS NULL OR id < $2) ORDER BY id DESC LIMIT $3`,
      [subscriptionId, before ?? null, limit],
    );
    return rows.map((row) => ({
      id: Number(row.id),
      eventId: row.event_id,
      attempt: Number(row.attempt),
      status: row.status,
      responseStatus: row.response_status === null ? null : Number(row.response_status),
      at: new Date(row.at),
    }));
  }

  async waiting(subscriptionId: string): Promise<number> {
    const { rows } = await this.db.query<{ n: string | number }>(
      `SELECT count(*) AS n FROM webhook_deliveries WHERE subscription_id = $1 AND status IN ('pending', 'retrying')`,
      [subscriptionId],
    );
    return Number(rows[0].n);
  }

  /** Every queued event from `fromPosition` on goes back to the start: same ids, new attempts. */
  async replay(subscriptionId: string, fromPosition: number): Promise<number> {
    const { rowCount } = await this.db.query(
      `UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = now()
       WHERE subscription_id = $1 AND position >= $2`,
      [subscriptionId, fromPosition],
    );
    return rowCount;
  }
}
