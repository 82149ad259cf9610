const dayMs = 24 * 60 * 60 * 1000;

/** Milliseconds since the epoch of an ISO 8601 instant (from command metadata or event data). */
export const instant = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`not an ISO 8601 instant: ${iso}`);
  return ms;
};

/** Whether `at` is less than `days` days before `now` (both ISO instants). */
export const withinDays = (at: string, now: string, days: number): boolean => {
  const age = instant(now) - instant(at);
  // A tranche stamped slightly in the future (clock skew between instances) still counts.
  return age < days * dayMs;
};
