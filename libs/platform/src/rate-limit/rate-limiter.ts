import Redis from 'ioredis';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';

const CONNECT_WAIT_MS = 2000;

export interface RateLimitSettings {
  perMinute: number;
  /** Counters in Redis, shared by every replica; in this process's memory when absent. */
  redisUrl?: string;
}

export interface OpenRateLimiter {
  limiter: RateLimiterAbstract | null;
  close(): Promise<void>;
}

/**
 * The counter behind the rate limit. With Redis, a Redis that does not answer does not stop the
 * API: each replica counts in its own memory meanwhile (rate-limiter-flexible's insurance), so
 * the limit holds per replica until Redis is back.
 */
export const openRateLimiter = async ({
  perMinute,
  redisUrl,
}: RateLimitSettings): Promise<OpenRateLimiter> => {
  if (perMinute === 0) return { limiter: null, close: async () => undefined };
  const window = { points: perMinute, duration: 60 };
  if (!redisUrl) return { limiter: new RateLimiterMemory(window), close: async () => undefined };
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
    limiter: new RateLimiterRedis({
      ...window,
      storeClient: redis,
      keyPrefix: 'multitrack:rate-limit',
      insuranceLimiter: new RateLimiterMemory(window),
    }),
    close: async () => void (await redis.quit().catch(() => redis.disconnect())),
  };
};
