import type { ChildProcess } from 'node:child_process';
import { Relay } from '../../apps/relay/src/relay';
import {
  diffReadModel,
  fundingStory,
  matchesReadModel,
  rebuildIntoSchema,
  requestsReadModel,
} from '@multitrack/read-models';
import { append, caughtUp, openStack, spawnApp, waitUntil, type Stack } from './harness';

const models = [requestsReadModel, matchesReadModel];

const startProjector = (stack: Stack): ChildProcess =>
  spawnApp('projector', stack, { PROJECTOR_READ_MODELS: models.map((model) => model.name).join(',') });

const appliedPosition = async (stack: Stack): Promise<number> => {
  const { rows } = await stack.db
    .query<{ position: number }>(`SELECT position FROM ${matchesReadModel.schema}.progress`)
    .catch(() => ({ rows: [] as { position: number }[] }));
  return Number(rows[0]?.position ?? -1);
};

describe('the projector as its own process', () => {
  let stack: Stack;
  let relay: Relay;
  let projector: ChildProcess | undefined;

  beforeAll(async () => {
    stack = await openStack('kafka', 'postgres');
    relay = new Relay(stack.store, stack.bus, stack.db, { topicPrefix: stack.topicPrefix, batchSize: 50 });
    await relay.start();
  }, 60_000);
  afterAll(async () => {
    projector?.kill('SIGKILL');
    await relay?.stop();
    await stack?.close();
  }, 60_000);

  it('counts no money twice when it is killed with SIGKILL while projecting and started again', async () => {
    projector = startProjector(stack);
    await append(stack.store, Array.from({ length: 20 }, (_, i) => fundingStory(i + 1)).flat());
    await waitUntil(
      async () => (await appliedPosition(stack)) > 0,
      'the projector applied something',
      60_000,
    );
    projector.kill('SIGKILL');
    await new Promise((resolve) => projector!.once('exit', resolve));

    await append(stack.store, fundingStory(21));
    projector = startProjector(stack);
    for (const model of models)
      await waitUntil(() => caughtUp(stack, model), `${model.name} caught up`, 60_000);

    for (const model of models) {
      await rebuildIntoSchema(stack.store, stack.db, model, `scratch_${model.name}`);
      expect(await diffReadModel(stack.db, model, `scratch_${model.name}`, model.schema)).toEqual([]);
    }
  }, 120_000);
});
