import { ConcurrencyError, DuplicateEventError } from '../errors';
import { findFirstBrokenEvent } from '../hash-chain';
import { ContractHarness, event, numbered, readAllOf, uniqueStream } from './harness';

type Outcome<T> = { value: T; error?: undefined } | { error: unknown };

const outcomeOf = async <T>(attempt: Promise<T>): Promise<Outcome<T>> =>
  attempt.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );

/** `appendToStreams`: one decision over several streams is written all or none. */
export const multiStreamContract = (harness: () => ContractHarness) => {
  describe('appending to several streams at once', () => {
    it('writes every stream, each chained on its own, and answers each stream’s revision', async () => {
      const { store } = harness();
      const prefix = uniqueStream('atomic');
      await store.appendToStream(`${prefix}-request`, numbered(2), { expectedRevision: 'no_stream' });

      const results = await store.appendToStreams([
        { streamId: `${prefix}-offer`, events: numbered(1), expectedRevision: 'no_stream' },
        { streamId: `${prefix}-request`, events: numbered(2, 2), expectedRevision: 1 },
      ]);

      expect(results.map((result) => result.nextRevision)).toEqual([0, 3]);
      const offer = await store.readStream(`${prefix}-offer`);
      const request = await store.readStream(`${prefix}-request`);
      expect(request.map((e) => e.data.n)).toEqual([0, 1, 2, 3]);
      expect(findFirstBrokenEvent(offer)).toBeUndefined();
      expect(findFirstBrokenEvent(request)).toBeUndefined();
      expect(results[1].position).toBe(request[3].position);
    });

    it('writes nothing at all when one stream is not at its expected revision, and names that stream', async () => {
      const { store } = harness();
      const prefix = uniqueStream('atomic');
      await store.appendToStream(`${prefix}-offer`, numbered(1), { expectedRevision: 'no_stream' });
      await store.appendToStream(`${prefix}-offer`, numbered(1, 1), { expectedRevision: 0 });

      const { error } = await outcomeOf(
        store.appendToStreams([
          { streamId: `${prefix}-match`, events: numbered(1), expectedRevision: 'no_stream' },
          { streamId: `${prefix}-offer`, events: numbered(1, 9), expectedRevision: 0 },
        ]),
      );

      expect(error).toBeInstanceOf(ConcurrencyError);
      expect(error).toMatchObject({ streamId: `${prefix}-offer`, expected: 0, actual: 1 });
      expect(await store.readStream(`${prefix}-match`)).toEqual([]);
      expect(await store.readStream(`${prefix}-offer`)).toHaveLength(2);
    });

    it('answers a retried atomic append with the first answer and stores nothing new', async () => {
      const { store } = harness();
      const prefix = uniqueStream('atomic');
      const key = { idempotencyKey: `key-${prefix}` };
      const appends = [
        {
          streamId: `${prefix}-match`,
          events: [event('MatchMade', {}, key)],
          expectedRevision: 'no_stream' as const,
        },
        {
          streamId: `${prefix}-offer`,
          events: [event('OfferAccepted', {}, key)],
          expectedRevision: 'no_stream' as const,
        },
      ];
      const first = await store.appendToStreams(appends);

      const retried = await store.appendToStreams(appends);

      expect(retried).toEqual(first);
      expect(await readAllOf(store, prefix)).toHaveLength(2);
    });

    it('refuses an atomic append part of whose event ids another append stored', async () => {
      const { store } = harness();
      const prefix = uniqueStream('atomic');
      const key = { idempotencyKey: `key-${prefix}` };
      await store.appendToStream(`${prefix}-a`, [event('NoteTaken', {}, key)], {
        expectedRevision: 'no_stream',
      });

      const { error } = await outcomeOf(
        store.appendToStreams([
          { streamId: `${prefix}-a`, events: [event('NoteTaken', {}, key)], expectedRevision: 'no_stream' },
          { streamId: `${prefix}-b`, events: [event('NoteTaken', {}, key)], expectedRevision: 'no_stream' },
        ]),
      );

      expect(error).toBeInstanceOf(DuplicateEventError);
      expect(await store.readStream(`${prefix}-b`)).toEqual([]);
    });

    it('lets exactly one of many concurrent atomic appends over a shared stream win, and the losers write nothing', async () => {
      const { store } = harness();
      const prefix = uniqueStream('atomic');
      await store.appendToStream(`${prefix}-budget`, numbered(1), { expectedRevision: 'no_stream' });

      const outcomes = await Promise.all(
        Array.from({ length: 12 }, (_, n) =>
          outcomeOf(
            store.appendToStreams([
              { streamId: `${prefix}-match-${n}`, events: numbered(1), expectedRevision: 'no_stream' },
              { streamId: `${prefix}-budget`, events: numbered(1, n + 1), expectedRevision: 0 },
            ]),
          ),
        ),
      );

      const winners = outcomes.flatMap((outcome, n) => (outcome.error ? [] : [n]));
      expect(winners).toHaveLength(1);
      for (const outcome of outcomes)
        if (outcome.error) expect(outcome.error).toBeInstanceOf(ConcurrencyError);
      const written = (await readAllOf(store, prefix)).filter((e) => e.streamId.includes('-match-'));
      expect(written.map((e) => e.streamId)).toEqual([`${prefix}-match-${winners[0]}`]);
    });

    it('refuses an atomic append that names no stream, a stream twice or a stream without events', async () => {
      const { store } = harness();
      const streamId = uniqueStream('atomic');
      const refusals = await Promise.all([
        outcomeOf(store.appendToStreams([])),
        outcomeOf(
          store.appendToStreams([
            { streamId, events: numbered(1), expectedRevision: 'no_stream' },
            { streamId, events: numbered(1), expectedRevision: 'no_stream' },
          ]),
        ),
        outcomeOf(store.appendToStreams([{ streamId, events: [], expectedRevision: 'no_stream' }])),
      ]);
      expect(refusals.map((outcome) => outcome.error instanceof Error)).toEqual([true, true, true]);
      expect(await store.readStream(streamId)).toEqual([]);
    });
  });
};
