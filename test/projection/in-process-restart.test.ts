import { createInProcessBus } from '@multitrack/messaging';
import { findRequest, fundingStory, requestsReadModel } from '@multitrack/read-models';
import { Projector } from '../../apps/projector/src/projector';
import { Relay } from '../../apps/relay/src/relay';
import { append, caughtUp, openStack, waitUntil, type Stack } from './harness';

// Standalone restarts with a fresh in-process bus whose offsets start at 0 again, on a database
// that still holds the offsets of the process before.
describe('the embedded default restarted on the same database', () => {
  let stack: Stack;
  afterAll(() => stack?.close());

  const run = async (bus = stack.bus) => {
    const relay = new Relay(stack.store, bus, stack.db, { topicPrefix: stack.topicPrefix });
    const projector = new Projector(bus, stack.db, requestsReadModel, {
      topicPrefix: stack.topicPrefix,
      groupPrefix: stack.groupPrefix,
    });
    await relay.start();
    await projector.start();
    return async () => {
      await projector.stop();
      await relay.stop();
    };
  };

  it('projects what is appended after the restart, though its offsets repeat the earlier ones', async () => {
    stack = await openStack('in-process', 'pglite', 1);
    const stopFirst = await run();
    await append(stack.store, fundingStory(1));
    await waitUntil(() => caughtUp(stack, requestsReadModel), 'the first process caught up');
    await stopFirst();

    const restartedBus = createInProcessBus({ partitions: 1 });
    const stopSecond = await run(restartedBus);
    await append(stack.store, fundingStory(2));
    await waitUntil(() => caughtUp(stack, requestsReadModel), 'the restarted process caught up', 20_000);
    expect(await findRequest(stack.db, 'req-2')).toMatchObject({ id: 'req-2', title: 'Mediation 2' });
    expect(await findRequest(stack.db, 'req-1')).toMatchObject({ id: 'req-1', title: 'Mediation 1' });
    await stopSecond();
    await restartedBus.close();
  });
});
