import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Relay } from '../../apps/relay/src/relay';
import { diffReadModel, fundingStory, matchesReadModel, rebuildIntoSchema, requestsReadModel } from '@multitrack/read-models';
import { append, caughtUp, kafkaBrokers, openStack, waitUntil, type Stack } from './harness';

const root = path.resolve(__dirname, '../..');
const built = path.join(root, 'dist/apps/projector/src/main.js');
const models = [requestsReadModel, matchesReadModel];

const startProjector = (stack: Stack): ChildProcess => {
  const env = {
    ...process.env,
    DATABASE_URL: stack.databaseUrl,
    KAFKA_BROKERS: kafkaBrokers().join(','),
    KAFKA_PARTITIONS: '3',
    KAFKA_TOPIC_PREFIX: stack.topicPrefix,
    PROJECTOR_READ_MODELS: models.map((model) => model.name).join(','),
    AUTH_JWT_SECRET: 'projector-kill-test-secret-of-at-least-32-characters',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
  const args = existsSync(built) ? [built] : ['-r', '@swc-node/register', path.join(root, 'apps/projector/src/main.ts')];
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr!.on('data', (chunk) => process.stderr.write(`[projector] ${chunk}`));
  return child;
};

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
    await waitUntil(async () => (await appliedPosition(stack)) > 0, 'the projector applied something', 60_000);
    projector.kill('SIGKILL');
    await new Promise((resolve) => projector!.once('exit', resolve));

    await append(stack.store, fundingStory(21));
    projector = startProjector(stack);
    for (const model of models) await waitUntil(() => caughtUp(stack, model), `${model.name} caught up`, 60_000);

    for (const model of models) {
      await rebuildIntoSchema(stack.store, stack.db, model, `scratch_${model.name}`);
      expect(await diffReadModel(stack.db, model, `scratch_${model.name}`, model.schema)).toEqual([]);
    }
  }, 120_000);
});
