import Redis from 'ioredis';
import {
  RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  RateLimiterUnion,
} from 'rate-limiter-flexible';

const CONNECT_WAIT_MS = 2000;

export interface RateLimitSettings {
  perMinute: number;
  /** Under the minute: at most this many in any one second; default `burstPerSecondFor(perMinute)`. */
  burstPerSecond?: number;
  /** Counters in Redis, shared by every replica; in this process's memory when absent. */
  redisUrl?: string;
}

/** A fixed window of the limit: `points` requests per `duration` seconds. */
export interface RateLimitWindow {
  name: 'minute' | 'second';
  points: number;
  duration: number;
}

/** The refusal of `PrincipalLimiter.consume`: the window that was full, and when it has room. */
export class RateLimited {
  constructor(
    readonly window: RateLimitWindow,
    readonly msBeforeNext: number,
  ) {}
}

/** Counts one request of a principal; rejects with `RateLimited` when a window is full. */
export interface PrincipalLimiter {
  consume(principal: string): Promise<void>;
}

export interface OpenRateLimiter {
  limiter: PrincipalLimiter | null;
  close(): Promise<void>;
}

/**
 * Twice the minute's average rate, and never fewer than 10: a client may still spend its minute in
 * half a minute, but a flooder can no longer spend it in the window's first second, where it took
 * the CPU from everyone else (decision 0234). Small limits (tests, strict deployments) are untouched.
 */
export const burstPerSecondFor = (perMinute: number): number => Math.max(10, Math.ceil(perMinute / 30));

const limiterOver = (
  windows: RateLimitWindow[],
  counterOf: (window: RateLimitWindow) => RateLimiterAbstract,
) => {
  const counters = windows.map(counterOf);
  const union = new RateLimiterUnion(...counters);
  const windowOf = new Map(counters.map((counter, i) => [counter.keyPrefix, windows[i]]));
  return {
    async consume(principal: string) {
      try {
        await union.consume(principal);
      } catch (refusals) {
        // The union rejects with the refusing counters by key prefix; the longest wait decides.
        const refused = Object.entries(refusals as Record<string, unknown>).filter(
          (entry): entry is [string, RateLimiterRes] => entry[1] instanceof RateLimiterRes,
        );
        if (refused.length === 0) throw refusals;
        const [prefix, longest] = refused.reduce((a, b) => (b[1].msBeforeNext > a[1].msBeforeNext ? b : a));
        throw new RateLimited(windowOf.get(prefix)!, longest.msBeforeNext);
      }
    },
  };
};

/**
 * The counters behind the rate limit: a minute window and a one-second burst cap per principal.
 * With Redis, a Redis that does not answer does not stop the API: each replica counts in its own
 * memory meanwhile (rate-limiter-flexible's insurance), so the limit holds per replica until Redis
 * is back.
 */
export const openRateLimiter = async ({
  perMinute,
  burstPerSecond = burstPerSecondFor(perMinute),
  redisUrl,
}: RateLimitSettings): Promise<OpenRateLimiter> => {
  if (perMinute === 0) return { limiter: null, close: async () => undefined };
  const windows: RateLimitWindow[] = [
    { name: 'minute', points: perMinute, duration: 60 },
    { name: 'second', points: burstPerSecond, duration: 1 },
  ];
  const memory = (window: RateLimitWindow) =>
    new RateLimiterMemory({ points: window.points, duration: window.duration, keyPrefix: window.name });
  if (!redisUrl) return { limiter: limiterOver(windows, memory), close: async () => undefined };
  // No offline queue: a command waits for nothing while Redis is away, the insurance counts.
  const redis = new Redis(redisUrl, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    lazyConnect: false,
  });
  redis.on('error', () => undefined);
  // Counted in Redis from the first request when it answers at start; else in memory until it does.
  await Promise.race([
    new Promise((resolve) => redis.once('ready', resolve)),
    new Promise((resolve) => setTimeout(resolve, CONNECT_WAIT_MS).unref()),
  ]);
  return {
    limiter: limiterOver(
      windows,
      (window) =>
        new RateLimiterRedis({
          points: window.points,
          duration: window.duration,
          storeClient: redis,
          keyPrefix: `multitrack:rate-limit:${window.name}`,
          insuranceLimiter: memory(window),
        }),
    ),
    close: async () => void (await redis.quit().catch(() => redis.disconnect())),
  };
};
