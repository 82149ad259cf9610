import type { ChildProcess } from 'node:child_process';
import { fundingStory } from '@multitrack/read-models';
import { EventTopics } from '@multitrack/messaging';
import { allEvents, append, drain, openStack, spawnApp, waitUntil, type Stack } from './harness';

const startRelay = (stack: Stack): ChildProcess => spawnApp('relay', stack, { RELAY_BATCH_SIZE: '2' });

const relayedPosition = async (stack: Stack): Promise<number> => {
  const { rows } = await stack.db
    .query<{ position: number }>(`SELECT position FROM relay_checkpoints WHERE name = 'kafka'`)
    .catch(() => ({ rows: [] as { position: number }[] }));
  return Number(rows[0]?.position ?? -1);
};

describe('the relay as its own process', () => {
  let stack: Stack;
  let relay: ChildProcess | undefined;

  beforeAll(async () => {
    stack = await openStack('kafka', 'postgres');
  }, 60_000);
  afterAll(async () => {
    relay?.kill('SIGKILL');
    await stack?.close();
  }, 60_000);

  it('loses no event when it is killed with SIGKILL in the middle of the log and started again', async () => {
    await append(stack.store, Array.from({ length: 30 }, (_, i) => fundingStory(i + 1)).flat());
    const head = (await allEvents(stack.store)).at(-1)!.position;

    relay = startRelay(stack);
    await waitUntil(async () => (await relayedPosition(stack)) > 0, 'the relay published something', 60_000);
    relay.kill('SIGKILL');
    await new Promise((resolve) => relay!.once('exit', resolve));
    const killedAt = await relayedPosition(stack);
    expect(killedAt).toBeLessThan(head);

    await append(stack.store, fundingStory(31));
    const events = await allEvents(stack.store);
    relay = startRelay(stack);
    await waitUntil(
      async () => (await relayedPosition(stack)) === events.at(-1)!.position,
      'the restarted relay caught up',
      60_000,
    );

    const wanted = new Set(events.map((event) => event.eventId));
    const arrived = await drain(
      stack,
      EventTopics,
      (seen) => new Set(seen.map((m) => m.headers.ce_id)).size >= wanted.size,
      'every event arrived',
    );
    expect(new Set(arrived.map((m) => m.headers.ce_id))).toEqual(wanted);
  }, 120_000);
});
