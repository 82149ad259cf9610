import { Relay } from '../../apps/relay/src/relay';
import { fundingStory } from '@multitrack/read-models';
import { EventTopics } from '@multitrack/messaging';
import type { MessageBus } from '@multitrack/messaging';
import { allEvents, append, drain, openStack, waitUntil, type Stack } from './harness';

/** The bus refuses the first `failures` publishes, as Kafka does while its leader is away. */
const flaky = (bus: MessageBus, failures: number): MessageBus => {
  let refused = 0;
  return {
    ...bus,
    publisher: () => {
      const publisher = bus.publisher();
      return {
        publish: async (messages) => {
          if (refused++ < failures) throw new Error('leader not available');
          return publisher.publish(messages);
        },
        close: () => publisher.close(),
      };
    },
  };
};

describe('the relay while the bus is away', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await openStack('in-process', 'pglite');
  });
  afterAll(() => stack.close());

  it('keeps its checkpoint, retries, and delivers every event in stream order once the bus is back', async () => {
    await append(stack.store, [...fundingStory(1), ...fundingStory(2)]);
    const events = await allEvents(stack.store);
    const relay = new Relay(stack.store, flaky(stack.bus, 5), stack.db, {
      topicPrefix: stack.topicPrefix,
      batchSize: 4,
      retryDelayMs: 10,
    });
    await relay.start();
    await waitUntil(() => relay.status().position === events.at(-1)!.position, 'the relay caught up');
    await relay.stop();

    const messages = await drain(
      stack,
      EventTopics,
      (seen) => seen.length >= events.length,
      'every event arrived',
    );
    expect(messages.map((m) => m.headers.ce_id).sort()).toEqual(events.map((e) => e.eventId).sort());
    const revisionsOf = (streamId: string) =>
      messages.filter((m) => m.key === streamId).map((m) => Number(m.headers.revision));
    expect(revisionsOf('match-mat-1')).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});
