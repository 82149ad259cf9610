import { randomUUID } from 'node:crypto';
import type { Viewer } from '@multitrack/domain';
import type { SqlExecutor } from '@multitrack/database';

export interface SubscriptionRecord {
  id: string;
  subscriber: string;
  viewer: Viewer;
  url: string;
  eventTypes: string[] | null;
  createdAt: Date;
}

interface SubscriptionRow {
  id: string;
  subscriber: string;
  viewer: Viewer;
  url: string;
  event_types: string[] | null;
  created_at: Date | string;
}

const COLUMNS = 'id, subscriber, viewer, url, event_types, created_at';

const recordOf = (row: SubscriptionRow): SubscriptionRecord => ({
  id: row.id,
  subscriber: row.subscriber,
  viewer: row.viewer,
  url: row.url,
  eventTypes: row.event_types,
  createdAt: new Date(row.created_at),
});

/** The subscriptions table: a subscriber (`sub`) sees its own, another caller none (404). */
export class SubscriptionsStore {
  constructor(private readonly db: SqlExecutor) {}

  async create(
    subscription: Omit<SubscriptionRecord, 'id' | 'createdAt'>,
    seal: (id: string) => string,
  ): Promise<SubscriptionRecord> {
    const id = randomUUID();
    const { rows } = await this.db.query<SubscriptionRow>(
      `INSERT INTO webhook_subscriptions (id, subscriber, viewer, url, event_types, secret_sealed)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [
        id,
        subscription.subscriber,
        JSON.stringify(subscription.viewer),
        subscription.url,
        subscription.eventTypes === null ? null : JSON.stringify(subscription.eventTypes),
        seal(id),
      ],
    );
    return recordOf(rows[0]);
  }

  async ofSubscriber(subscriber: string, id: string): Promise<SubscriptionRecord | undefined> {
    const { rows } = await this.db.query<SubscriptionRow>(
      `SELECT ${COLUMNS} FROM webhook_subscriptions WHERE id = $1 AND subscriber = $2 AND deleted_at IS NULL`,
      [id, subscriber],
    );
    return rows[0] && recordOf(rows[0]);
  }

  async listOf(subscriber: string, limit: number, after?: string): Promise<SubscriptionRecord[]> {
    const { rows } = await this.db.query<SubscriptionRow>(
      `SELECT ${COLUMNS} FROM webhook_subscriptions
       WHERE subscriber = $1 AND deleted_at IS NULL AND ($2::text IS NULL OR id > $2)
       ORDER BY id LIMIT $3`,
      [subscriber, after ?? null, limit],
    );
    return rows.map(recordOf);
  }

  /**
   * Kept, marked deleted: its attempts stay explainable, and nothing is delivered to it again (what
   * still waited for it is dropped, so the deliverer never looks at it again).
   */
  async delete(subscriber: string, id: string): Promise<boolean> {
    const { rowCount } = await this.db.query(
      `UPDATE webhook_subscriptions SET deleted_at = now()
       WHERE id = $1 AND subscriber = $2 AND deleted_at IS NULL`,
      [id, subscriber],
    );
    if (rowCount > 0)
      await this.db.query(
        `DELETE FROM webhook_deliveries WHERE subscription_id = $1 AND status <> 'delivered'`,
        [id],
      );
    return rowCount > 0;
  }

  async active(): Promise<SubscriptionRecord[]> {
    const { rows } = await this.db.query<SubscriptionRow>(
      `SELECT ${COLUMNS} FROM webhook_subscriptions WHERE deleted_at IS NULL ORDER BY id`,
    );
    return rows.map(recordOf);
  }
}
