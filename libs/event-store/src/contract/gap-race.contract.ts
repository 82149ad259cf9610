import { RecordedEvent } from '../event-store.port';
import { ContractHarness, event, eventually, uniqueStream } from './harness';

const revisionsByStream = (events: RecordedEvent[]) => {
  const byStream = new Map<string, number[]>();
  for (const e of events) byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e.revision]);
  return byStream;
};

const expectWholeAndInOrder = (events: RecordedEvent[], total: number) => {
  const outOfOrder = [...revisionsByStream(events)].filter(([, revisions]) =>
    revisions.some((revision, n) => revision !== n),
  );
  expect({
    delivered: events.length,
    distinct: new Set(events.map((e) => e.eventId)).size,
    outOfOrder: outOfOrder.length,
  }).toEqual({
    delivered: total,
    distinct: total,
    outOfOrder: 0,
  });
};

/**
 * The race a naive `position > last` reader loses: a writer takes position 10 and is still
 * committing while another takes 11 and commits; a reader that sees 11 moves past 10 for ever.
 * Here several writers commit out of position order while a subscriber and a tight tailing reader
 * follow the log; every event must reach both exactly once.
 */
export const gapRaceContract = (harness: () => ContractHarness) => {
  describe('the gap race', () => {
    it('delivers every event of writers committing out of order exactly once, each stream in revision order', async () => {
      const { store, slowCommitStore, race } = harness();
      const prefix = `${uniqueStream('race')}-`;
      const streams = [0, 1, 2].map((n) => `${prefix}${n}`);
      const total = race.trials * race.writers;
      const subscribed: RecordedEvent[] = [];
      const subscription = store.subscribeToAll({
        onEvent: async (e) => {
          if (e.streamId.startsWith(prefix)) subscribed.push(e);
        },
      });
      const tailed: RecordedEvent[] = [];
      let writing = true;
      let settleBy = Number.POSITIVE_INFINITY;
      // A reader re-reading the log as fast as it can, as a relay catching up would.
      const tail = (async () => {
        let from: string | undefined;
        while (writing || (tailed.length < total && Date.now() < settleBy)) {
          for await (const e of store.readAll({ from, batchSize: 100 })) {
            from = e.checkpoint;
            if (e.streamId.startsWith(prefix)) tailed.push(e);
          }
          await new Promise((resolve) => setImmediate(resolve));
        }
      })();

      try {
        for (let trial = 0; trial < race.trials; trial++) {
          await Promise.all(
            Array.from({ length: race.writers }, (_, writer) =>
              slowCommitStore.appendToStream(
                streams[(trial + writer) % streams.length],
                [event('RaceRun', { trial, writer })],
                {
                  expectedRevision: 'any',
                },
              ),
            ),
          );
        }
      } finally {
        writing = false;
        settleBy = Date.now() + 10_000;
        // Bounded: a reader that skipped an event would otherwise wait for it for ever.
        await eventually(() => subscribed.length >= total, `${total} subscribed events`, 10_000).catch(
          () => undefined,
        );
        await tail;
        await subscription.stop();
      }

      expectWholeAndInOrder(subscribed, total);
      expectWholeAndInOrder(tailed, total);
      expect(tailed.map((e) => e.eventId)).toEqual(subscribed.map((e) => e.eventId));
    }, 300_000);
  });
};
