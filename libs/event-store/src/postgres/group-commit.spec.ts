import { groupCommit } from './group-commit';

/** A writer whose batches finish when the test says so. */
const controlledWriter = () => {
  const batches: { items: number[]; finish: (settled?: PromiseSettledResult<string>[] | Error) => void }[] =
    [];
  const write = (items: number[]) =>
    new Promise<PromiseSettledResult<string>[]>((resolve, reject) => {
      batches.push({
        items,
        finish: (settled) =>
          settled instanceof Error
            ? reject(settled)
            : resolve(settled ?? items.map((item) => ({ status: 'fulfilled', value: `wrote ${item}` }))),
      });
    });
  return { batches, write };
};

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('group commit', () => {
  it('sends a lone call at once, and what queues behind a batch in flight as the next batch', async () => {
    const { batches, write } = controlledWriter();
    const submit = groupCommit(write, { maxBatch: 3, maxInFlight: 1 });

    const results = [1, 2, 3, 4, 5].map(submit);
    expect(batches.map((batch) => batch.items)).toEqual([[1]]);

    batches[0].finish();
    await tick();
    expect(batches.map((batch) => batch.items)).toEqual([[1], [2, 3, 4]]);
    batches[1].finish();
    await tick();
    batches[2].finish();

    expect(await Promise.all(results)).toEqual(['wrote 1', 'wrote 2', 'wrote 3', 'wrote 4', 'wrote 5']);
    expect(batches.map((batch) => batch.items)).toEqual([[1], [2, 3, 4], [5]]);
  });

  it('keeps up to maxInFlight batches going at once', () => {
    const { batches, write } = controlledWriter();
    const submit = groupCommit(write, { maxBatch: 10, maxInFlight: 2 });

    [1, 2, 3, 4].forEach((item) => void submit(item));

    expect(batches.map((batch) => batch.items)).toEqual([[1], [2]]);
  });

  it("gives each caller its own outcome, and a failed batch's error to every caller in it", async () => {
    const { batches, write } = controlledWriter();
    const submit = groupCommit(write, { maxBatch: 10, maxInFlight: 1 });
    const first = submit(1);
    const [second, third] = [submit(2), submit(3)];
    const refused = new Error('conflict on 2');
    batches[0].finish(new Error('connection lost'));
    await expect(first).rejects.toThrow('connection lost');
    await tick();

    batches[1].finish([
      { status: 'rejected', reason: refused },
      { status: 'fulfilled', value: 'wrote 3' },
    ]);

    await expect(second).rejects.toBe(refused);
    await expect(third).resolves.toBe('wrote 3');
  });
});
