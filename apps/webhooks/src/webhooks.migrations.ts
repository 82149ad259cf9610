import { migrate, type Database } from '@multitrack/database';

/**
 * The webhooks service's own tables (decision 0190): subscriptions are configuration of a
 * delivery channel, not part of the record, so they live here rather than in the log; a delivery
 * row per (subscription, event) is the outbox the deliverer works through, its body fixed when the
 * event was fanned out; attempts are kept for `GET …/deliveries`; the fan-out's place in the log.
 */
export const migrateWebhooks = (db: Database): Promise<void> =>
  migrate(db, 'webhooks', [
    {
      version: 1,
      name: 'subscriptions, deliveries, attempts, fan-out checkpoint',
      sql: `
        CREATE TABLE webhook_subscriptions (
          id text PRIMARY KEY,
          subscriber text NOT NULL,
          viewer jsonb NOT NULL,
          url text NOT NULL,
          event_types jsonb,
          secret_sealed text NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now(),
          deleted_at timestamptz);
        CREATE INDEX webhook_subscriptions_subscriber ON webhook_subscriptions (subscriber, created_at, id);
        CREATE TABLE webhook_deliveries (
          subscription_id text NOT NULL,
          event_id text NOT NULL,
          position int8 NOT NULL,
          stream_id text NOT NULL,
          body text NOT NULL,
          status text NOT NULL,
          attempts int NOT NULL DEFAULT 0,
          next_attempt_at timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (subscription_id, event_id));
        CREATE INDEX webhook_deliveries_due ON webhook_deliveries (position)
          WHERE status IN ('pending', 'retrying');
        CREATE INDEX webhook_deliveries_open ON webhook_deliveries (subscription_id, stream_id, position)
          WHERE status <> 'delivered';
        CREATE INDEX webhook_deliveries_replay ON webhook_deliveries (subscription_id, position);
        CREATE TABLE webhook_attempts (
          id bigserial PRIMARY KEY,
          subscription_id text NOT NULL,
          event_id text NOT NULL,
          attempt int NOT NULL,
          status text NOT NULL,
          response_status int,
          at timestamptz NOT NULL DEFAULT now());
        CREATE INDEX webhook_attempts_newest ON webhook_attempts (subscription_id, id DESC);
        CREATE TABLE webhook_fanout (
          name text PRIMARY KEY, checkpoint text NOT NULL, position int8 NOT NULL);`,
    },
  ]);
