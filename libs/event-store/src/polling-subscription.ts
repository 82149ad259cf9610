import { setImmediate as nextTurn } from 'node:timers/promises';
import { RecordedEvent, SubscribeOptions, Subscription } from './event-store.port';

/** Wakes waiting subscribers early, e.g. right after an append in the same process. */
export class Wakeup {
  private waiting = new Set<() => void>();

  notify(): void {
    const waiting = this.waiting;
    this.waiting = new Set();
    waiting.forEach((resolve) => resolve());
  }

  /** Resolves on the next `notify()` or after `ms`, whichever comes first. */
  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const waiting = this.waiting;
      function done() {
        clearTimeout(timer);
        waiting.delete(done);
        resolve();
      }
      waiting.add(done);
    });
  }
}

export interface PollingOptions {
  /** How long to wait for new events when nothing woke the subscriber. */
  pollIntervalMs: number;
  batchSize: number;
}

const maxBackoffMs = 5_000;

/** Errors may come from another realm (`instanceof Error` fails there): keep them as they are. */
export const asError = (error: unknown): Error =>
  typeof error === 'object' && error !== null && 'message' in error
    ? (error as Error)
    : new Error(String(error));

/**
 * Catch-up and live delivery in one loop: read a page after the last delivered checkpoint, hand it
 * over event by event, and when the log is exhausted wait for a wake-up or the poll interval. A
 * failure (store or handler) is reported and the same event retried after a growing back-off.
 */
export const pollingSubscription = (
  readPage: (from: string | undefined, limit: number) => Promise<RecordedEvent[]>,
  { from, onEvent, onError }: SubscribeOptions,
  wakeup: Wakeup,
  { pollIntervalMs, batchSize }: PollingOptions,
): Subscription => {
  let stopped = false;
  let checkpoint = from;
  const run = async () => {
    let backoffMs = pollIntervalMs;
    while (!stopped) {
      try {
        const page = await readPage(checkpoint, batchSize);
        for (const event of page) {
          if (stopped) return;
          await onEvent(event);
          checkpoint = event.checkpoint;
        }
        backoffMs = pollIntervalMs;
        if (page.length < batchSize && !stopped) await wakeup.wait(pollIntervalMs);
        // On PGlite a read resolves in microtasks only, and so does a wake-up from an append in
        // this process: without a turn of the event loop here, HTTP requests would wait.
        await nextTurn();
      } catch (error) {
        onError?.(asError(error));
        if (!stopped) await wakeup.wait(backoffMs);
        backoffMs = Math.min(backoffMs * 2, maxBackoffMs);
      }
    }
  };
  const running = run();
  return {
    async stop() {
      stopped = true;
      wakeup.notify();
      await running;
    },
  };
};
