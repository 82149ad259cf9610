import type { BusMessage } from '../bus.port';
import { createInProcessBus } from './in-process-bus';

const message = (key: string, value: string): BusMessage => ({ topic: 'events', key, value, headers: {} });

const until = async (done: () => boolean): Promise<void> => {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('the in-process bus', () => {
  it('shares a topic between the members of one group, each message to one member', async () => {
    // Given two consumers in one group
    const bus = createInProcessBus({ partitions: 4 });
    await bus.ensureTopics(['events']);
    const seen = new Map<string, string[]>([
      ['a', []],
      ['b', []],
    ]);
    for (const name of ['a', 'b']) {
      await bus.consumer().start({
        groupId: 'projector',
        topics: ['events'],
        fromBeginning: true,
        eachBatch: async (batch) => void seen.get(name)!.push(...batch.messages.map((m) => m.value)),
      });
    }
    // When forty keys are published
    await bus.publisher().publish(Array.from({ length: 40 }, (_, i) => message(`key-${i}`, `${i}`)));
    await until(() => seen.get('a')!.length + seen.get('b')!.length === 40);
    // Then both members got work and none got a message twice
    expect(seen.get('a')!.length).toBeGreaterThan(0);
    expect(seen.get('b')!.length).toBeGreaterThan(0);
    expect(new Set([...seen.get('a')!, ...seen.get('b')!]).size).toBe(40);
    await bus.close();
  });

  it('starts a new group at the end of the log unless asked to start from the beginning', async () => {
    // Given a message published before the group existed
    const bus = createInProcessBus();
    await bus.ensureTopics(['events']);
    await bus.publisher().publish([message('request-1', 'old')]);
    const seen: string[] = [];
    await bus.consumer().start({
      groupId: 'late',
      topics: ['events'],
      eachBatch: async (b) => void seen.push(...b.messages.map((m) => m.value)),
    });
    // When another one follows
    await bus.publisher().publish([message('request-1', 'new')]);
    await until(() => seen.length > 0);
    // Then the group sees only the new one
    expect(seen).toEqual(['new']);
    await bus.close();
  });

  it('gives the event loop a turn between batches, so a backlog cannot keep I/O waiting', async () => {
    // Given a backlog on four partitions and a handler that, like one on embedded PGlite, resolves
    // in microtasks only
    const bus = createInProcessBus({ partitions: 4 });
    await bus.ensureTopics(['events']);
    await bus.publisher().publish(Array.from({ length: 40 }, (_, i) => message(`key-${i}`, `${i}`)));
    const order: string[] = [];
    // When the consumer starts with I/O already waiting
    setImmediate(() => order.push('io'));
    await bus.consumer().start({
      groupId: 'projector',
      topics: ['events'],
      fromBeginning: true,
      eachBatch: async () => void order.push('batch'),
    });
    await until(() => order.filter((entry) => entry === 'batch').length === 4);
    // Then the waiting I/O ran before the last batch, not after the whole backlog
    expect(order.indexOf('io')).toBeLessThan(order.lastIndexOf('batch'));
    await bus.close();
  });

  it('refuses to publish to a topic nobody created', async () => {
    const bus = createInProcessBus();
    await expect(bus.publisher().publish([message('request-1', 'x')])).rejects.toThrow(/ensureTopics/);
  });

  it('continues a partition from a sought offset', async () => {
    // Given a group that handled three messages of one key
    const bus = createInProcessBus({ partitions: 1 });
    await bus.ensureTopics(['events']);
    await bus.publisher().publish(['0', '1', '2'].map((v) => message('match-1', v)));
    const seen: string[] = [];
    const consumer = bus.consumer();
    await consumer.start({
      groupId: 'g',
      topics: ['events'],
      fromBeginning: true,
      eachBatch: async (b) => void seen.push(...b.messages.map((m) => m.value)),
    });
    await until(() => seen.length === 3);
    // When it seeks back to offset 1 (the read model stored that as its position)
    consumer.seek('events', 0, '1');
    await until(() => seen.length === 5);
    // Then messages from offset 1 come again
    expect(seen).toEqual(['0', '1', '2', '1', '2']);
    await bus.close();
  });
});
