/**
 * Connects on first use and shares that attempt; a failed attempt is forgotten so the next call
 * tries again instead of failing forever.
 */
export const connectOnce = (connect: () => Promise<void>) => {
  let attempt: Promise<void> | undefined;
  return {
    ensure: () =>
      (attempt ??= connect().catch((error: unknown) => {
        attempt = undefined;
        throw error;
      })),
    get started() {
      return attempt !== undefined;
    },
    reset: () => {
      attempt = undefined;
    },
  };
};
