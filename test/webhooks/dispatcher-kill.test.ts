import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../../bench/support/free-port';
import {
  AUTH,
  clientOf,
  startCoordinationApp,
  tokens,
  validRequest,
  type CoordinationApp,
  type Tokens,
} from '../coordination/support';
import { Receiver, waitFor } from './support/receiver';
import { SECRETS_KEY } from './support/webhooks-app';

/* eslint-disable @typescript-eslint/no-explicit-any -- answers as received JSON */

const root = path.resolve(__dirname, '../..');

/** The webhooks app from dist/, its own process on the PostgreSQL server, as on the real stack. */
const startWebhooksProcess = async (databaseUrl: string, port: number) => {
  const child = spawn(process.execPath, ['dist/apps/webhooks/src/main.js'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      AUTH_JWT_SECRET: AUTH.secret,
      AUTH_ISSUER: AUTH.issuer,
      AUTH_AUDIENCE: AUTH.audience,
      RATE_LIMIT_PER_MINUTE: '0',
      WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
      WEBHOOK_RETRY_BASE_MS: '50',
      WEBHOOK_SECRETS_KEY: SECRETS_KEY,
      OTEL_SDK_DISABLED: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    'the webhooks process to be ready',
    async () => {
      if (child.exitCode !== null) throw new Error(`webhooks exited with ${child.exitCode}:\n${output}`);
      return fetch(`${url}/health/ready`).then(
        (answer) => answer.ok,
        () => false,
      );
    },
    60_000,
  );
  return { url, child };
};

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

describe('the dispatcher killed with -9 mid-delivery', () => {
  let coordination: CoordinationApp;
  let child: ChildProcess | undefined;
  let t: Tokens;
  const receiver = new Receiver({ delayMs: 40 });

  beforeAll(async () => {
    coordination = await startCoordinationApp('postgres');
    t = await tokens();
    await receiver.start();
  });

  afterAll(async () => {
    child?.kill('SIGKILL');
    await receiver.stop();
    await coordination?.close();
  });

  it('loses nothing: after a restart every event arrives, each stream in order, under stable ids', async () => {
    const port = await freePort();
    let webhooks = await startWebhooksProcess(coordination.databaseUrl!, port);
    child = webhooks.child;
    const hooks = clientOf(webhooks.url);
    const api = clientOf(coordination.url);
    const created = await hooks.post('/v1/subscriptions', { url: receiver.url }, { token: t.officer });
    expect(created.status).toBe(201);
    receiver.secret = created.body.secret;

    for (let request = 0; request < 5; request++) {
      const published = await api.post('/v1/requests', validRequest(), { token: t.officer });
      for (let amendment = 1; amendment <= 3; amendment++)
        await api.patch(
          `/v1/requests/${published.body.id}`,
          { title: `Amendment ${amendment}` },
          { token: t.officer },
        );
    }
    await waitFor('a few deliveries before the kill', () => receiver.accepted.length >= 4);
    await killed(webhooks.child);
    const beforeRestart = receiver.accepted.length;
    expect(beforeRestart).toBeLessThan(20);

    webhooks = await startWebhooksProcess(coordination.databaseUrl!, port);
    child = webhooks.child;
    const feed = await clientOf(webhooks.url).get('/v1/feed?limit=500', { token: t.officer });
    const expected: string[] = feed.body.items.map((item: any) => item.id);
    expect(expected).toHaveLength(20);
    await waitFor('every event after the restart', () => {
      const got = new Set(receiver.accepted.map((event) => event.webhookId));
      return expected.every((id) => got.has(id));
    });
    expect(receiver.badSignatures).toEqual([]);
    const bySubject = new Map<string, number[]>();
    for (const event of receiver.accepted)
      bySubject.set(event.subject, [...(bySubject.get(event.subject) ?? []), event.position]);
    expect(bySubject.size).toBe(5);
    for (const positions of bySubject.values())
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });
});
