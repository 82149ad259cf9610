/** The caller's `If-Match` names a revision the stream has moved past: nothing was written. */
export class PreconditionFailed extends Error {
  override readonly name = 'PreconditionFailed';
  constructor(
    readonly streamId: string,
    readonly expected: number,
    readonly actual: number | 'no_stream',
  ) {
    super(`If-Match revision ${expected} is stale: ${streamId} is at ${actual}`);
  }
}

/** Other writers kept changing the streams under every re-decision: nothing was written. */
export class RetriesExhausted extends Error {
  override readonly name = 'RetriesExhausted';
  constructor(
    readonly streamId: string,
    readonly attempts: number,
  ) {
    super(`${streamId} kept changing under ${attempts} attempts; try again`);
  }
}
