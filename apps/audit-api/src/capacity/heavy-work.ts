export interface HeavyWorkLimits {
  /** How many run at once, across callers. */
  concurrency: number;
  /** How many may wait for a place behind them; past it, 503. */
  queue: number;
  /** How many one caller may have running and waiting together; past it, 429. */
  perCaller: number;
}

/** Why a heavy read was not taken: the caller's own share (429) or the whole queue (503) is full. */
export class HeavyWorkRefused extends Error {
  override readonly name = 'HeavyWorkRefused';
  constructor(
    readonly status: 429 | 503,
    readonly retryAfterSeconds: number,
    message: string,
  ) {
    super(message);
  }
}

/** The client went away while its work waited: nothing ran, nobody to answer. */
export class HeavyWorkAbandoned extends Error {
  override readonly name = 'HeavyWorkAbandoned';
}

interface Waiter {
  caller: string;
  start: () => void;
  abandon: () => void;
}

const MAX_RETRY_AFTER_S = 300;

/**
 * Reads that go over the whole log (reconciliation, full exports, integrity, the ledger as of)
 * take seconds each and share the database with every other user. They run a few at a time, in
 * arrival order; a bounded number wait; past that the caller is told when to come back instead of
 * being held — one auditor's twenty reconciliations must not stall an officer's read.
 */
export class HeavyWork {
  private running = 0;
  private readonly waiting: Waiter[] = [];
  private readonly perCaller = new Map<string, number>();
  /** A moving average of how long one piece of heavy work takes, for Retry-After. */
  private averageMs = 1000;

  constructor(private readonly limits: HeavyWorkLimits) {}

  get state(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /** Runs `work` once a place is free; throws HeavyWorkRefused at once when it would wait beyond the limits. */
  async run<T>(caller: string, work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const mine = this.perCaller.get(caller) ?? 0;
    if (mine >= this.limits.perCaller)
      throw new HeavyWorkRefused(
        429,
        this.retryAfter(mine),
        `you have ${mine} long audit reads running or waiting (at most ${this.limits.perCaller}); retry when one has finished`,
      );
    if (this.running >= this.limits.concurrency && this.waiting.length >= this.limits.queue)
      throw new HeavyWorkRefused(
        503,
        this.retryAfter(this.waiting.length + this.running),
        `the audit API is busy with ${this.running} long reads and ${this.waiting.length} waiting; retry later`,
      );
    this.perCaller.set(caller, mine + 1);
    try {
      await this.place(caller, signal);
    } catch (error) {
      this.leave(caller);
      throw error;
    }
    const began = performance.now();
    try {
      return await work();
    } finally {
      this.averageMs = 0.7 * this.averageMs + 0.3 * (performance.now() - began);
      this.running -= 1;
      this.leave(caller);
      this.waiting.shift()?.start();
    }
  }

  private place(caller: string, signal?: AbortSignal): Promise<void> {
    if (this.running < this.limits.concurrency) {
      this.running += 1;
      return Promise.resolve();
    }
    if (signal?.aborted) return Promise.reject(new HeavyWorkAbandoned('the client went away'));
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => waiter.abandon();
      const waiter: Waiter = {
        caller,
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          this.running += 1;
          resolve();
        },
        abandon: () => {
          this.waiting.splice(this.waiting.indexOf(waiter), 1);
          reject(new HeavyWorkAbandoned('the client went away while its audit read waited'));
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(waiter);
    });
  }

  private leave(caller: string): void {
    const left = (this.perCaller.get(caller) ?? 1) - 1;
    if (left > 0) this.perCaller.set(caller, left);
    else this.perCaller.delete(caller);
  }

  /** Roughly when `ahead` pieces of work will have gone through the places, in whole seconds. */
  private retryAfter(ahead: number): number {
    const seconds = Math.ceil((this.averageMs * Math.max(ahead, 1)) / this.limits.concurrency / 1000);
    return Math.min(Math.max(seconds, 1), MAX_RETRY_AFTER_S);
  }
}
