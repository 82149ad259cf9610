import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { signDevelopmentToken } from '@multitrack/auth';
import { clientOf, validRequest } from '../coordination/support';
import { startStandalone, type StandaloneProcess } from '../standalone/standalone-process';
import { Receiver, waitFor } from './support/receiver';

// The embedded default: the webhooks module in the one process, on PGlite and the in-process bus.
// Two starts of the process in one test: room for both on a loaded machine.
jest.setTimeout(240_000);
const secret = 'standalone-webhooks-secret-of-at-least-32-characters';

describe('webhooks in the embedded default (npm start)', () => {
  let dataDir: string;
  let app: StandaloneProcess | undefined;
  const receiver = new Receiver({ failFirst: 1 });

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'multitrack-webhooks-standalone-'));
    await receiver.start();
  });

  afterAll(async () => {
    await app?.stop();
    await receiver.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('delivers what an officer publishes, signed, retried, and keeps the subscription over a restart', async () => {
    const settings = {
      DATA_DIR: dataDir,
      AUTH_JWT_SECRET: secret,
      WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
      WEBHOOK_RETRY_BASE_MS: '20',
    };
    app = await startStandalone(settings);
    const token = await signDevelopmentToken({ secret, sub: 'alice', roles: ['officer'] });
    let api = clientOf(app.url);
    const created = await api.post('/v1/subscriptions', { url: receiver.url }, { token });
    expect(created.status).toBe(201);
    receiver.secret = created.body.secret;
    const first = await api.post('/v1/requests', validRequest(), { token });
    expect(first.status).toBe(201);
    await waitFor('the first delivery', () => receiver.accepted.length === 1);

    await app.stop();
    app = await startStandalone(settings);
    api = clientOf(app.url);
    const second = await api.post('/v1/requests', validRequest(), { token });
    expect(second.status).toBe(201);
    await waitFor('the second delivery, after the restart', () => receiver.accepted.length === 2);
    expect(receiver.accepted.map((event) => event.subject)).toEqual([
      `request-${first.body.id}`,
      `request-${second.body.id}`,
    ]);
    expect(receiver.badSignatures).toEqual([]);
    expect([...receiver.attempts.values()]).toEqual([2, 2]);
  });
});
