import { RecordedEvent } from '../event-store.port';
import { findFirstBrokenEvent } from '../hash-chain';
import { ContractHarness, eventually, numbered, readAllOf, uniqueStream } from './harness';

export const readingContract = (harness: () => ContractHarness) => {
  describe('reading', () => {
    it('pages through a 10,000-event stream forwards, backwards and in the global log', async () => {
      const { store } = harness();
      const streamId = uniqueStream('long');
      for (let from = 0; from < 10_000; from += 1_000) {
        await store.appendToStream(streamId, numbered(1_000, from), {
          expectedRevision: from === 0 ? 'no_stream' : from - 1,
        });
      }

      const forwards: RecordedEvent[] = [];
      for (let from = 0; ; from += 700) {
        const page = await store.readStream(streamId, { fromRevision: from, maxCount: 700 });
        forwards.push(...page);
        if (page.length < 700) break;
      }
      const lastTen = await store.readStream(streamId, { direction: 'backwards', maxCount: 10 });
      const middle = await store.readStream(streamId, {
        direction: 'backwards',
        fromRevision: 5_000,
        maxCount: 3,
      });
      const global = await readAllOf(store, streamId, 333);

      expect(forwards.map((e) => e.revision)).toEqual(Array.from({ length: 10_000 }, (_, n) => n));
      expect(forwards.map((e) => e.data.n)).toEqual(Array.from({ length: 10_000 }, (_, n) => n));
      expect(lastTen.map((e) => e.revision)).toEqual([
        9999, 9998, 9997, 9996, 9995, 9994, 9993, 9992, 9991, 9990,
      ]);
      expect(middle.map((e) => e.revision)).toEqual([5000, 4999, 4998]);
      expect(global.map((e) => e.revision)).toEqual(forwards.map((e) => e.revision));
      expect(findFirstBrokenEvent(forwards)).toBeUndefined();
    }, 120_000);

    it('resumes a subscription from a checkpoint with nothing missed or repeated', async () => {
      const { store } = harness();
      const streamId = uniqueStream('resume');
      await store.appendToStream(streamId, numbered(5), { expectedRevision: 'no_stream' });
      const firstRun: RecordedEvent[] = [];
      const first = store.subscribeToAll({
        onEvent: async (e) => {
          if (e.streamId === streamId) firstRun.push(e);
        },
      });
      await eventually(() => firstRun.length >= 5, 'the first five events');
      await first.stop();
      const resumeAt = firstRun[2].checkpoint;

      await store.appendToStream(streamId, numbered(3, 5), { expectedRevision: 4 });
      const secondRun: RecordedEvent[] = [];
      const second = store.subscribeToAll({
        from: resumeAt,
        onEvent: async (e) => {
          if (e.streamId === streamId) secondRun.push(e);
        },
      });
      await eventually(() => secondRun.length >= 5, 'the events after the checkpoint');
      await store.appendToStream(streamId, numbered(1, 8), { expectedRevision: 7 });
      await eventually(() => secondRun.length >= 6, 'a live append');
      await second.stop();

      expect(firstRun.map((e) => e.data.n)).toEqual([0, 1, 2, 3, 4]);
      expect(secondRun.map((e) => e.data.n)).toEqual([3, 4, 5, 6, 7, 8]);
    }, 60_000);

    it('reads the global log from a checkpoint onwards', async () => {
      const { store } = harness();
      const streamId = uniqueStream('from');
      await store.appendToStream(streamId, numbered(4), { expectedRevision: 'no_stream' });
      const all = await readAllOf(store, streamId);

      const after: RecordedEvent[] = [];
      for await (const e of store.readAll({ from: all[1].checkpoint, batchSize: 2 }))
        if (e.streamId === streamId) after.push(e);

      expect(after.map((e) => e.revision)).toEqual([2, 3]);
    });
  });
};
