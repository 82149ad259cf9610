/**
 * Coalesces concurrent calls into batches (group commit): a call waits only while `maxInFlight`
 * batches are already being written, and everything that queued up meanwhile goes out together
 * as the next batch (up to `maxBatch`). A lone call is sent at once, so nothing waits on a timer:
 * batching appears exactly when there is a queue.
 */
export interface GroupCommitOptions {
  maxBatch: number;
  maxInFlight: number;
}

interface Waiting<Item, Result> {
  item: Item;
  resolve: (result: Result) => void;
  reject: (reason: unknown) => void;
}

/**
 * `write` settles each item of a batch on its own; when it throws, every item of that batch gets
 * the error.
 */
export const groupCommit = <Item, Result>(
  write: (items: Item[]) => Promise<PromiseSettledResult<Result>[]>,
  { maxBatch, maxInFlight }: GroupCommitOptions,
): ((item: Item) => Promise<Result>) => {
  const queue: Waiting<Item, Result>[] = [];
  let inFlight = 0;

  const send = (batch: Waiting<Item, Result>[]) => {
    inFlight += 1;
    write(batch.map((waiting) => waiting.item))
      .then(
        (settled) =>
          batch.forEach((waiting, index) => {
            const outcome = settled[index];
            if (outcome.status === 'fulfilled') waiting.resolve(outcome.value);
            else waiting.reject(outcome.reason);
          }),
        (error: unknown) => batch.forEach((waiting) => waiting.reject(error)),
      )
      .finally(() => {
        inFlight -= 1;
        pump();
      });
  };

  const pump = () => {
    while (inFlight < maxInFlight && queue.length > 0) send(queue.splice(0, maxBatch));
  };

  return (item) =>
    new Promise<Result>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      pump();
    });
};
