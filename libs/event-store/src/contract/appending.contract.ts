import { ConcurrencyError, DuplicateEventError } from '../errors';
import { eventIdFor } from '../event-ids';
import canonicalize from 'canonicalize';
import { findFirstBrokenEvent, hashCanonicalFields } from '../hash-chain';
import { ContractHarness, event, hashedLogOf, numbered, uniqueStream } from './harness';

const rejection = async (attempt: Promise<unknown>): Promise<unknown> =>
  attempt.then(
    () => undefined,
    (error) => error,
  );

export const appendingContract = (harness: () => ContractHarness, { canTamper }: { canTamper: boolean }) => {
  describe('appending', () => {
    it('reads back what was appended, as one envelope per event, hash-chained', async () => {
      const { store } = harness();
      const streamId = uniqueStream('request');
      const published = event('HelpRequestPublished', {
        requestId: streamId,
        title: 'Water trucks',
        tracks: [2, 4],
      });
      const amended = event('HelpRequestAmended', { title: 'Water trucks for Bor' }, { causationId: 'c-1' });

      const result = await store.appendToStream(streamId, [published, amended], {
        expectedRevision: 'no_stream',
      });
      const events = await store.readStream(streamId);

      expect(result.nextRevision).toBe(1);
      expect(events.map((e) => [e.type, e.revision, e.streamId])).toEqual([
        ['HelpRequestPublished', 0, streamId],
        ['HelpRequestAmended', 1, streamId],
      ]);
      expect(events[1].data).toEqual({ title: 'Water trucks for Bor' });
      expect(events[1].metadata).toEqual(amended.metadata);
      expect(events[1].position).toBe(result.position);
      expect(events[0].position).toBeLessThan(events[1].position);
      expect(events[0].recordedAt).toBeInstanceOf(Date);
      expect(events[0].eventId).toMatch(/^[0-9a-f-]{36}$/);
      expect(events[0].prevHash).toBeNull();
      expect(events[1].prevHash).toBe(events[0].hash);
      expect(findFirstBrokenEvent(await store.readStream(streamId, { asStored: true }))).toBeUndefined();
    });

    it('chains hashes a reader can recompute, whatever characters and numbers the JSON holds', async () => {
      const { store } = harness();
      const streamId = uniqueStream('unicode-ü');
      const data = {
        b: 'naïve "quoted" \\ back\nslash\t\u0001 😀 \u2028',
        a: [0.1, 1e21, -5, 0, true, null, { z: 1, é: 2, A: 3, '😀': 4, 'e\u0301': 5 }],
        Ω: 'ünïcödé',
      };
      await store.appendToStream(streamId, [event('Odd "type" ✓', data), event('NoteTaken', { n: 1 })], {
        expectedRevision: 'no_stream',
      });

      const events = await store.readStream(streamId, { asStored: true });
      const hashed = await hashedLogOf(store, streamId, 2);

      expect(events[0].data).toEqual(data);
      expect(findFirstBrokenEvent(events)).toBeUndefined();
      expect(hashed.map((e) => [e.position, e.revision, e.type, e.hash, e.prevHash])).toEqual(
        events.map((e) => [e.position, e.revision, e.type, e.hash, e.prevHash]),
      );
      expect(hashed.map((e) => [e.canonicalData, e.canonicalMetadata])).toEqual(
        events.map((e) => [canonicalize(e.data), canonicalize(e.metadata)]),
      );
      expect(hashed.map(hashCanonicalFields)).toEqual(events.map((e) => e.hash));
    });

    it('reads a stream that does not exist as empty', async () => {
      expect(await harness().store.readStream(uniqueStream())).toEqual([]);
    });

    it("refuses 'no_stream' once the stream exists, naming the actual revision", async () => {
      const { store } = harness();
      const streamId = uniqueStream();
      await store.appendToStream(streamId, numbered(1), { expectedRevision: 'no_stream' });

      const error = await rejection(
        store.appendToStream(streamId, numbered(1), { expectedRevision: 'no_stream' }),
      );

      expect(error).toBeInstanceOf(ConcurrencyError);
      expect(error).toMatchObject({ streamId, expected: 'no_stream', actual: 0 });
    });

    it('refuses a stale or premature revision and accepts the current one', async () => {
      const { store } = harness();
      const streamId = uniqueStream();
      expect(
        await rejection(store.appendToStream(streamId, numbered(1), { expectedRevision: 0 })),
      ).toMatchObject({
        expected: 0,
        actual: 'no_stream',
      });
      await store.appendToStream(streamId, numbered(2), { expectedRevision: 'no_stream' });

      expect(
        await rejection(store.appendToStream(streamId, numbered(1), { expectedRevision: 0 })),
      ).toMatchObject({
        expected: 0,
        actual: 1,
      });
      expect(await store.appendToStream(streamId, numbered(1), { expectedRevision: 1 })).toMatchObject({
        nextRevision: 2,
      });
    });

    it("appends with 'any' whatever the stream holds, and still links the chain to the real head", async () => {
      const { store } = harness();
      const streamId = uniqueStream();
      await store.appendToStream(streamId, numbered(1), { expectedRevision: 'any' });
      await store.appendToStream(streamId, numbered(2, 1), { expectedRevision: 'any' });

      const events = await store.readStream(streamId);
      expect(events.map((e) => e.data.n)).toEqual([0, 1, 2]);
      expect(findFirstBrokenEvent(events)).toBeUndefined();
    });

    it('lets exactly one of several concurrent appenders win each revision', async () => {
      const { store } = harness();
      const streamId = uniqueStream();
      await store.appendToStream(streamId, numbered(1), { expectedRevision: 'no_stream' });

      const outcomes = await Promise.allSettled(
        Array.from({ length: 10 }, (_, n) =>
          store.appendToStream(streamId, numbered(1, n), { expectedRevision: 0 }),
        ),
      );

      const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
      const lost = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(9);
      for (const error of lost) {
        expect(error).toBeInstanceOf(ConcurrencyError);
        expect(error).toMatchObject({ expected: 0, actual: 1 });
      }
      expect(findFirstBrokenEvent(await store.readStream(streamId))).toBeUndefined();
    });

    it("lets concurrent 'any' appenders all land, each once, on one unbroken chain", async () => {
      const { store } = harness();
      const streamId = uniqueStream();
      await Promise.all(
        Array.from({ length: 10 }, (_, n) =>
          store.appendToStream(streamId, numbered(1, n), { expectedRevision: 'any' }),
        ),
      );

      const events = await store.readStream(streamId);
      expect(events.map((e) => e.data.n).sort((a, b) => Number(a) - Number(b))).toEqual([
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
      ]);
      expect(findFirstBrokenEvent(events)).toBeUndefined();
    });

    it('answers a retried append with the first answer and stores nothing new', async () => {
      const { store } = harness();
      const streamId = uniqueStream('offer');
      const command = [
        event('OfferSubmitted', { n: 1 }, { idempotencyKey: `key-${streamId}` }),
        event('OfferRevised', { n: 2 }, { idempotencyKey: `key-${streamId}` }),
      ];
      const first = await store.appendToStream(streamId, command, { expectedRevision: 'no_stream' });
      await store.appendToStream(streamId, numbered(1), { expectedRevision: 1 });

      const retried = await store.appendToStream(streamId, command, { expectedRevision: 'no_stream' });
      const retriedWithAny = await store.appendToStream(streamId, command, { expectedRevision: 'any' });

      expect(retried).toEqual(first);
      expect(retriedWithAny).toEqual(first);
      const events = await store.readStream(streamId);
      expect(events).toHaveLength(3);
      expect(events[0].eventId).toBe(eventIdFor(command[0], streamId, 0));
    });

    it('refuses an event id that is already stored in another stream', async () => {
      const { store } = harness();
      const reused = {
        ...event('OfferSubmitted'),
        eventId: eventIdFor(event('x', {}, { idempotencyKey: uniqueStream() }), 's', 0),
      };
      await store.appendToStream(uniqueStream(), [reused], { expectedRevision: 'no_stream' });

      const error = await rejection(
        store.appendToStream(uniqueStream(), [reused], { expectedRevision: 'no_stream' }),
      );

      expect(error).toBeInstanceOf(DuplicateEventError);
    });

    it('settles each of many concurrent appends on its own: one refused does not fail the others', async () => {
      const { store } = harness();
      const taken = {
        ...event('OfferSubmitted'),
        eventId: eventIdFor(event('x', {}, { idempotencyKey: uniqueStream() }), 's', 0),
      };
      await store.appendToStream(uniqueStream(), [taken], { expectedRevision: 'no_stream' });
      const existing = uniqueStream();
      await store.appendToStream(existing, numbered(2), { expectedRevision: 'no_stream' });
      const fresh = Array.from({ length: 40 }, () => uniqueStream('batch'));
      const retried = [event('OfferSubmitted', { n: 1 }, { idempotencyKey: `key-${existing}` })];
      await store.appendToStream(existing, retried, { expectedRevision: 1 });

      const [stale, duplicate, retry, ...rest] = await Promise.allSettled([
        store.appendToStream(existing, numbered(1), { expectedRevision: 0 }),
        store.appendToStream(uniqueStream(), [taken], { expectedRevision: 'no_stream' }),
        store.appendToStream(existing, retried, { expectedRevision: 1 }),
        ...fresh.map((streamId, n) =>
          store.appendToStream(streamId, numbered(1 + (n % 3), n), { expectedRevision: 'no_stream' }),
        ),
        // Twice the same stream, both expecting it new: exactly one of them wins.
        store.appendToStream(fresh[0].replace('batch', 'twice'), numbered(1), {
          expectedRevision: 'no_stream',
        }),
        store.appendToStream(fresh[0].replace('batch', 'twice'), numbered(1), {
          expectedRevision: 'no_stream',
        }),
      ]);

      expect(stale).toMatchObject({ status: 'rejected', reason: expect.any(ConcurrencyError) });
      expect(duplicate).toMatchObject({ status: 'rejected', reason: expect.any(DuplicateEventError) });
      expect(retry).toMatchObject({ status: 'fulfilled', value: { nextRevision: 2 } });
      const twice = rest.splice(fresh.length);
      expect(twice.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      expect(
        twice.filter(
          (outcome) => outcome.status === 'rejected' && outcome.reason instanceof ConcurrencyError,
        ),
      ).toHaveLength(1);
      expect(rest.map((outcome) => outcome.status === 'fulfilled' && outcome.value.nextRevision)).toEqual(
        fresh.map((_, n) => n % 3),
      );
      for (const [n, streamId] of fresh.entries()) {
        const events = await store.readStream(streamId);
        expect(events.map((e) => e.data.n)).toEqual(numbered(1 + (n % 3), n).map((e) => e.data.n));
        expect(findFirstBrokenEvent(events)).toBeUndefined();
      }
      expect(await store.readStream(existing)).toHaveLength(3);
    });

    it('upcasts old schema versions on read and keeps the stored form for audits', async () => {
      const { store } = harness();
      const streamId = uniqueStream('request');
      const v1 = event('HelpRequestPublished', { title: 'Generators', budget: 150000, currency: 'USD' });
      await store.appendToStream(streamId, [v1], { expectedRevision: 'no_stream' });

      const [upcast] = await store.readStream(streamId);
      const [stored] = await store.readStream(streamId, { asStored: true });

      expect(upcast.data).toEqual({ title: 'Generators', budget: { amount: '1500.00', currency: 'USD' } });
      expect(upcast.metadata.schemaVersion).toBe(2);
      expect(stored.data).toEqual(v1.data);
      expect(findFirstBrokenEvent([stored])).toBeUndefined();
    });

    // EventStoreDB offers no way to rewrite a stored event: the case only exists on SQL stores.
    if (canTamper)
      it('detects a stored event rewritten behind its back', async () => {
        const { store, tamper } = harness();
        const streamId = uniqueStream();
        await store.appendToStream(streamId, numbered(5), { expectedRevision: 'no_stream' });

        await tamper?.(streamId, 2);

        expect(findFirstBrokenEvent(await store.readStream(streamId, { asStored: true }))).toEqual({
          streamId,
          revision: 2,
          reason: 'hash-mismatch',
        });
        const recomputes = (await hashedLogOf(store, streamId, 5)).map(
          (e) => hashCanonicalFields(e) === e.hash,
        );
        expect(recomputes).toEqual([true, true, false, true, true]);
      });
  });
};
