/** A leaf that does not continue the log: out of global order, or after a gap. */
export class LeafOrderError extends Error {
  override readonly name = 'LeafOrderError';
  readonly code = 'tlog.leaf-out-of-order';
}

/**
 * A position the log already holds arrives with another hash: the event store's history differs
 * from what the log committed to. Never overwritten; someone has to look.
 */
export class LeafConflictError extends Error {
  override readonly name = 'LeafConflictError';
  readonly code = 'tlog.leaf-conflict';
  constructor(readonly position: number) {
    super(`position ${position} is already in the log with another hash`);
  }
}

/** A tree size or leaf index the log cannot answer for (it is larger than the log). */
export class TreeSizeError extends Error {
  override readonly name = 'TreeSizeError';
  readonly code = 'tlog.tree-size-out-of-range';
}
