import { Projector } from '../../apps/projector/src/projector';
import { Relay } from '../../apps/relay/src/relay';
import { toMessage } from '@multitrack/messaging';
import {
  diffReadModel,
  findMatch,
  matchesReadModel,
  findRequest,
  fundingStory,
  readModels,
  rebuildIntoSchema,
  rebuildReadModel,
  requestsReadModel,
  type ReadModel,
} from '@multitrack/read-models';
import { EventTopics, Topics, topicForStream } from '@multitrack/messaging';
import {
  allEvents,
  append,
  caughtUp,
  counterTotal,
  drain,
  openStack,
  waitUntil,
  type BusKind,
  type Stack,
} from './harness';

const stories = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => fundingStory(from + i)).flat();

describe.each([
  { bus: 'kafka' as BusKind, db: 'postgres' as const },
  { bus: 'in-process' as BusKind, db: 'pglite' as const },
])('the relay and the projector on the $bus bus and $db', ({ bus, db }) => {
  let stack: Stack;
  let relay: Relay;
  const projectors: Projector[] = [];
  const relayOptions = () => ({ topicPrefix: stack.topicPrefix, batchSize: 10, retryDelayMs: 50 });
  const projectorOptions = () => ({ topicPrefix: stack.topicPrefix, groupPrefix: stack.groupPrefix });

  const allCaughtUp = async () =>
    (await Promise.all(readModels.map((model) => caughtUp(stack, model)))).every(Boolean);
  const equalsRebuild = async (model: ReadModel) => {
    const scratch = `scratch_${model.schema}`;
    await rebuildIntoSchema(stack.store, stack.db, model, scratch);
    return diffReadModel(stack.db, model, scratch, model.schema);
  };

  beforeAll(async () => {
    stack = await openStack(bus, db);
  }, 60_000);
  afterAll(async () => {
    for (const projector of projectors) await projector.stop();
    await relay?.stop();
    await stack?.close();
  }, 60_000);

  it('relays every event when the relay dies after publishing and before storing its checkpoint', async () => {
    await append(stack.store, stories(1, 5));
    const events = await allEvents(stack.store);
    let published = 0;
    const doomed = new Relay(stack.store, stack.bus, stack.db, {
      ...relayOptions(),
      afterPublish: async () => {
        if (++published === 3) throw new Error('killed between publish and checkpoint');
      },
    });
    await doomed.start();
    await waitUntil(() => !doomed.status().running, 'the doomed relay died');
    await doomed.stop();
    expect(doomed.status().position).toBeLessThan(events[events.length - 1].position);

    relay = new Relay(stack.store, stack.bus, stack.db, relayOptions());
    await relay.start();
    await waitUntil(
      () => relay.status().position === events[events.length - 1].position,
      'the new relay caught up',
    );

    const wanted = new Set(events.map((event) => event.eventId));
    const everyEventAndTheReplay = (seen: { headers: Record<string, string> }[]) =>
      new Set(seen.map((m) => m.headers.ce_id)).size === wanted.size && seen.length > events.length;
    const messages = await drain(
      stack,
      EventTopics,
      everyEventAndTheReplay,
      'every event arrived, some twice',
    );
    expect(new Set(messages.map((m) => m.headers.ce_id))).toEqual(wanted);
    // the batch published before the "crash" came again: at least once, never zero times
    expect(messages.length).toBeGreaterThan(events.length);
    const first = messages.find((m) => m.headers.ce_id === events[0].eventId)!;
    expect(first).toMatchObject({
      topic: stack.topicPrefix + Topics.organizations,
      key: events[0].streamId,
      headers: {
        ce_specversion: '1.0',
        ce_type: 'OrganizationRegistered',
        ce_source: '/multitrack/event-store',
        revision: '0',
      },
    });
    expect(JSON.parse(first.value)).toMatchObject({
      eventId: events[0].eventId,
      streamId: events[0].streamId,
      hash: events[0].hash,
    });
  }, 120_000);

  it('projects every read model once per event even when a projector dies between its commit and the bus commit', async () => {
    const crashed = new Set<string>();
    for (const model of readModels) {
      const projector = new Projector(stack.bus, stack.db, model, {
        ...projectorOptions(),
        // The bus never hears about this batch: it comes again, after the database has it.
        afterCommit: async () => {
          if (crashed.has(model.name)) return;
          crashed.add(model.name);
          throw new Error('killed between the database commit and the offset commit');
        },
      });
      await projector.start();
      projectors.push(projector);
    }
    await waitUntil(allCaughtUp, 'every read model caught up');
    // Every model that the stories give events to crashed once (the authority register gets none).
    const fed = new Set(stories(1, 5).map((event) => topicForStream(event.streamId)));
    expect([...crashed].sort()).toEqual(
      readModels
        .filter((model) => model.topics.some((topic) => fed.has(topic)))
        .map((model) => model.name)
        .sort(),
    );
    expect(await findMatch(stack.db, 'mat-3')).toMatchObject({
      committed: { amount: '200000.00', currency: 'USD' },
      confirmedReceived: { amount: '49990.00', currency: 'USD' },
    });
    for (const model of readModels) expect(await equalsRebuild(model)).toEqual([]);
  }, 120_000);

  it('changes no read model when a range of events is published again', async () => {
    const events = (await allEvents(stack.store)).slice(10, 40);
    const expected = readModels.reduce(
      (n, model) => n + events.filter((e) => model.topics.includes(topicForStream(e.streamId))).length,
      0,
    );
    const before = await counterTotal('multitrack_projector_duplicate_events_total');
    const publisher = stack.bus.publisher();
    await publisher.publish(events.map((event) => toMessage(event, stack.topicPrefix)));
    await publisher.close();
    await waitUntil(
      async () => (await counterTotal('multitrack_projector_duplicate_events_total')) - before >= expected,
      'the projectors saw the re-published events',
    );
    for (const model of readModels) expect(await equalsRebuild(model)).toEqual([]);
  }, 120_000);

  it('sends a poison event to the dead-letter topic and goes on with the next ones', async () => {
    await append(stack.store, [
      {
        streamId: 'request-poison',
        type: 'HelpRequestPublished',
        data: {
          requestId: 'poison',
          title: 't',
          description: 'd',
          tracks: [1],
          country: 'KE',
          budget: { amount: 'lots', currency: 'USD' },
          neededBy: '2027-01-01',
          publishedBy: 'o',
        },
      },
      {
        streamId: 'request-poison',
        type: 'HelpRequestCancelled',
        data: { requestId: 'poison', reason: 'bad' },
      },
      ...fundingStory(6),
    ]);
    const poison = (await stack.store.readStream('request-poison'))[0];
    await waitUntil(allCaughtUp, 'every read model caught up past the poison');
    expect(await findRequest(stack.db, 'req-6')).toMatchObject({ status: 'matched' });
    const [letter] = await drain(
      stack,
      [Topics.deadLetter],
      (seen) => seen.length > 0,
      'a dead letter arrived',
    );
    expect(letter.headers).toMatchObject({
      ce_id: poison.eventId,
      dlq_read_model: 'requests',
      dlq_topic: stack.topicPrefix + Topics.requests,
    });
    expect(letter.headers.dlq_reason).toContain('malformed money');
  }, 120_000);

  it('rebuilds a read model from the event store and swaps it in while the projector runs', async () => {
    const progress: number[] = [];
    // events keep coming while the rebuild reads and swaps
    await Promise.all([
      append(stack.store, stories(7, 12)),
      rebuildReadModel(stack.store, stack.db, requestsReadModel, {
        onProgress: (p) => progress.push(p.events),
        progressEveryMs: 0,
      }),
      rebuildReadModel(stack.store, stack.db, matchesReadModel),
    ]);
    expect(progress.length).toBeGreaterThan(0);
    await waitUntil(allCaughtUp, 'every read model caught up after the swap');
    expect(await findRequest(stack.db, 'req-7')).toMatchObject({ status: 'matched', offerCount: 2 });
    for (const model of readModels) expect(await equalsRebuild(model)).toEqual([]);
  }, 120_000);
});
