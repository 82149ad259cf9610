/** How long a failed batch waits before it is delivered again; doubles per consecutive failure. */
export interface RedeliveryBackoff {
  initialDelayMs: number;
  maxDelayMs: number;
}

export const defaultRedeliveryBackoff: RedeliveryBackoff = { initialDelayMs: 100, maxDelayMs: 5_000 };

export const redeliveryDelay = (failures: number, backoff: RedeliveryBackoff): number =>
  Math.min(backoff.maxDelayMs, backoff.initialDelayMs * 2 ** Math.max(0, failures - 1));
