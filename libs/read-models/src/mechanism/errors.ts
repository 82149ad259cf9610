/** A projection threw for this event: the event, not the infrastructure, is at fault. */
export class ProjectionError extends Error {
  override readonly name = 'ProjectionError';
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}

/** A stream revision arrived out of sequence in the event store's own log: the log is broken. */
export class RevisionGapError extends Error {
  override readonly name = 'RevisionGapError';
}

// SQLSTATE classes that mean "this data cannot be applied": data exceptions (22), integrity
// constraint violations (23) and errors raised on purpose (P0001). Anything else — lost
// connections, lock timeouts, a missing table — is retried, never dead-lettered, so that an
// outage or a bug cannot turn good events into dead letters.
const poisonSqlStates = /^(22|23|P0001)/;

/** True when the event itself is at fault and retrying cannot help. */
export const isPoison = (error: unknown): boolean => {
  if (error instanceof ProjectionError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.length === 5 && poisonSqlStates.test(code);
};

export const reasonOf = (error: unknown): string =>
  error instanceof Error
    ? `${error.name}: ${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}`
    : String(error);
