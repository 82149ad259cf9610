/** No checkpoint was signed at that tree size (the API answers 404). */
export class CheckpointNotFoundError extends Error {
  override readonly name = 'CheckpointNotFoundError';
  readonly code = 'checkpoint.not-found';
  constructor(readonly treeSize: number) {
    super(`no checkpoint was signed at tree size ${treeSize}`);
  }
}

/** A cosignature that does not verify under the configured key of that witness name (the API answers 422). */
export class CosignatureRejectedError extends Error {
  override readonly name = 'CosignatureRejectedError';
  readonly code = 'checkpoint.cosignature-rejected';
  constructor(
    readonly treeSize: number,
    readonly witness: string,
    reason: string,
  ) {
    super(`cosignature of ${witness} on checkpoint ${treeSize} refused: ${reason}`);
  }
}
