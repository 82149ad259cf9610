export interface RetryStartOptions {
  attempts?: number;
  firstDelayMs?: number;
  onRetry?: (error: Error, attempt: number) => void;
}

/**
 * Starts an engine whose servers may still be settling (a fresh Kafka cluster answers "does not
 * host this topic-partition" until its leaders are known everywhere): on failure, stop what was
 * half started, wait, and try again a bounded number of times before giving up for real.
 */
export const retryStart = async (
  start: () => Promise<void>,
  stop: () => Promise<void>,
  { attempts = 6, firstDelayMs = 500, onRetry }: RetryStartOptions = {},
): Promise<void> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start();
    } catch (error) {
      if (attempt >= attempts) throw error;
      onRetry?.(error as Error, attempt);
      await stop().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, firstDelayMs * 2 ** (attempt - 1)));
    }
  }
};
