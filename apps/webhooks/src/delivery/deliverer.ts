import { Webhook } from 'standardwebhooks';
import type { SubscriptionSecrets } from '../subscriptions/subscription-secrets';
import type { DeliveriesStore, DueDelivery, Outcome } from './deliveries.store';
import { postWebhook, type WebhookAnswer } from './post-webhook';
import type { TargetPolicy } from './target-policy';

const IDLE_POLL_MS = 100;
const LONGEST_BACKOFF_MS = 3_600_000;
/** Events of one lane fetched at once: one search for due lanes serves this many deliveries. */
const PER_LANE = 16;

export interface DelivererOptions {
  concurrency: number;
  perSubscription: number;
  maxAttempts: number;
  retryBaseMs: number;
  timeoutMs: number;
  onError?: (error: Error) => void;
}

const succeeded = (answer: WebhookAnswer): boolean =>
  'responseStatus' in answer && answer.responseStatus >= 200 && answer.responseStatus < 300;

/**
 * Works through the due deliveries (decision 0191): one in flight per stream and subscription (so
 * order per stream holds), at most `perSubscription` per subscription and `concurrency` overall.
 * Each attempt is signed afresh (Standard Webhooks, the `standardwebhooks` library) with the event
 * id as `webhook-id`; its outcome is stored before the stream's next event may go.
 */
export class Deliverer {
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly perSubscription = new Map<string, number>();
  /** Outcomes stored while a `due` query ran: its rows for these may be stale, so they wait a round. */
  private readonly finished = new Map<string, number>();
  private finishedCount = 0;
  private outcomes: { delivery: DueDelivery; outcome: Outcome; stored: () => void }[] = [];
  private storing: Promise<void> = Promise.resolve();
  private running = false;
  private loop?: Promise<void>;
  private wakeUp?: () => void;
  /** A wake-up that came while `fill` ran: the next round starts at once. */
  private woken = false;

  constructor(
    private readonly deliveries: DeliveriesStore,
    private readonly secrets: SubscriptionSecrets,
    private readonly policy: TargetPolicy,
    private readonly options: DelivererOptions,
  ) {}

  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    await Promise.all(this.inFlight.values());
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.woken = false;
      try {
        await this.fill();
      } catch (error) {
        this.options.onError?.(error as Error);
      }
      if (this.woken) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, IDLE_POLL_MS);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  private async fill(): Promise<void> {
    const free = this.options.concurrency - this.inFlight.size;
    if (free <= 0) return;
    const seenBefore = this.finishedCount;
    const due = await this.deliveries.due(free + this.inFlight.size, PER_LANE);
    for (const [key, at] of this.finished) if (at <= seenBefore) this.finished.delete(key);
    for (const run of due) {
      const delivery = run[0];
      if (this.inFlight.size >= this.options.concurrency) break;
      const lane = `${delivery.subscriptionId}|${delivery.streamId}`;
      const busy = this.perSubscription.get(delivery.subscriptionId) ?? 0;
      if (this.inFlight.has(lane) || this.finished.has(lane) || busy >= this.options.perSubscription)
        continue;
      this.perSubscription.set(delivery.subscriptionId, busy + 1);
      this.inFlight.set(
        lane,
        this.attempt(run).finally(() => {
          this.inFlight.delete(lane);
          this.perSubscription.set(
            delivery.subscriptionId,
            (this.perSubscription.get(delivery.subscriptionId) ?? 1) - 1,
          );
          this.finished.set(lane, ++this.finishedCount);
          this.wake();
        }),
      );
    }
  }

  /** A lane's run of due events, one after the other, each once the previous one was delivered. */
  private async attempt(run: DueDelivery[]): Promise<void> {
    try {
      for (const delivery of run) {
        if (!this.running) return;
        const outcome = this.outcomeOf(delivery, await this.post(delivery));
        await this.recorded(delivery, outcome);
        if (outcome.status !== 'delivered') return;
      }
    } catch (error) {
      this.options.onError?.(error as Error);
    }
  }

  /**
   * Outcomes are stored a few at a time, in one transaction; each attempt's lane stays busy until
   * its own is stored. A failed write leaves the delivery due: sent again, never lost.
   */
  private recorded(delivery: DueDelivery, outcome: Outcome): Promise<void> {
    return new Promise((resolve) => {
      this.outcomes.push({ delivery, outcome, stored: resolve });
      if (this.outcomes.length === 1) setImmediate(() => this.storeOutcomes());
    });
  }

  private storeOutcomes(): void {
    const batch = this.outcomes.splice(0);
    // One batch at a time: side by side they contend for the same index pages and take longer.
    this.storing = this.storing
      .then(() => this.deliveries.record(batch))
      .catch((error: Error) => this.options.onError?.(error))
      .then(() => batch.forEach(({ stored }) => stored()));
  }

  private post(delivery: DueDelivery): Promise<WebhookAnswer> {
    const secret = this.secrets.open(delivery.subscriptionId, delivery.secretSealed);
    const now = new Date();
    return postWebhook({
      url: delivery.url,
      body: delivery.body,
      headers: {
        'webhook-id': delivery.eventId,
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': new Webhook(secret).sign(delivery.eventId, now, delivery.body),
      },
      timeoutMs: this.options.timeoutMs,
      policy: this.policy,
    });
  }

  private outcomeOf(delivery: DueDelivery, answer: WebhookAnswer): Outcome {
    const responseStatus = 'responseStatus' in answer ? answer.responseStatus : undefined;
    if (succeeded(answer)) return { status: 'delivered', responseStatus };
    if (delivery.attempts + 1 >= this.options.maxAttempts) return { status: 'failed', responseStatus };
    const retryInMs = Math.min(LONGEST_BACKOFF_MS, this.options.retryBaseMs * 2 ** delivery.attempts);
    return { status: 'retrying', responseStatus, retryInMs };
  }
}
