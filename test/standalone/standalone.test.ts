import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { signDevelopmentToken } from '@multitrack/auth';
import { freePort } from '../../bench/support/free-port';
import { startStandalone, StandaloneProcess } from './standalone-process';

// The embedded default as a user runs it: its own process, PGlite in DATA_DIR, in-process bus.
const secret = 'standalone-test-secret-of-at-least-32-characters';
const token = (role: 'officer' | 'auditor', sub: string) =>
  signDevelopmentToken({ secret, sub, roles: [role] });

const publish = async (app: StandaloneProcess, title: string) => {
  const response = await fetch(`${app.url}/v1/requests`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await token('officer', 'alice')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      title,
      description: 'Two mediators for three months',
      tracks: [2, 5],
      country: 'KE',
      budget: { amount: '250000.00', currency: 'USD' },
      neededBy: '2027-03-01',
    }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; revision: number; position: number };
};

const read = async (app: StandaloneProcess, path: string, role: 'officer' | 'auditor' = 'officer') => {
  const response = await fetch(`${app.url}${path}`, {
    headers: { authorization: `Bearer ${await token(role, 'reader')}` },
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are checked field by field
  return { status: response.status, body: (await response.json()) as any };
};

jest.setTimeout(240_000); // a test restarts the process: room for two starts on a loaded machine

describe('the embedded default (npm start)', () => {
  let dataDir: string;
  let app: StandaloneProcess | undefined;
  let metricsPort: number;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'multitrack-standalone-'));
    metricsPort = await freePort();
  });
  afterAll(async () => {
    await app?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('publishes a help request over HTTP and serves it from the read model', async () => {
    app = await startStandalone({ DATA_DIR: dataDir, AUTH_JWT_SECRET: secret });
    const written = await publish(app, 'Dialogue facilitation in Kisumu');

    const { status, body } = await read(app, `/v1/requests/${written.id}?minRevision=${written.revision}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: written.id,
      title: 'Dialogue facilitation in Kisumu',
      tracks: [2, 5],
      country: 'KE',
      budget: { amount: '250000.00', currency: 'USD' },
      neededBy: '2027-03-01',
      status: 'open',
      offerCount: 0,
      revision: 0,
    });
    const list = await read(app, '/v1/requests?country=KE&limit=10');
    expect(list.body.items.map((item: { id: string }) => item.id)).toContain(written.id);
    // without METRICS_PORT or METRICS_PUBLIC, /metrics is served nowhere
    expect((await fetch(`${app.url}/metrics`)).status).toBe(404);
  });

  it('keeps every event across a stop and a start, and goes on appending after them', async () => {
    const before = await read(app!, '/v1/audit/events?fromPosition=0&limit=500', 'auditor');
    const published = before.body.items.filter(
      (event: { type: string }) => event.type === 'HelpRequestPublished',
    );
    expect(published).toHaveLength(1);
    expect(await app!.stop()).toBe(0);

    // started again with its metrics on a port of their own (the next test reads them)
    app = await startStandalone({
      DATA_DIR: dataDir,
      AUTH_JWT_SECRET: secret,
      METRICS_PORT: String(metricsPort),
    });
    const after = await read(app, '/v1/audit/events?fromPosition=0&limit=500', 'auditor');
    const kept = after.body.items.filter((event: { type: string }) => event.type === 'HelpRequestPublished');
    expect(kept).toEqual(published);

    const second = await publish(app, 'Track Two workshop in Mombasa');
    const { body } = await read(app, `/v1/requests/${second.id}?minRevision=0`);
    expect(body.title).toBe('Track Two workshop in Mombasa');
    const integrity = await read(app, '/v1/audit/integrity', 'auditor');
    expect(integrity.body.verified).toBe(true);
  });

  it('serves /metrics on METRICS_PORT only, never on the API port', async () => {
    const onApi = await fetch(`${app!.url}/metrics`);
    expect(onApi.status).toBe(404);
    expect(await onApi.text()).not.toContain('http_request_duration_seconds');
    const scraped = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toMatch(/http_request_duration_seconds_count\{[^}]*route="\/v1\/requests"/);
    expect((await fetch(`http://127.0.0.1:${metricsPort}/v1/requests`)).status).toBe(404);
  });

  it('refuses to start on an invalid variable, naming it in one line', async () => {
    await expect(startStandalone({ DATA_DIR: dataDir, PORT: 'not-a-port' })).rejects.toThrow(
      /exited with 1:\s*invalid configuration: PORT must be a port number/,
    );
    // refused by the configuration check, before DATA_DIR is opened under the running process
    await expect(
      startStandalone({ DATA_DIR: dataDir, METRICS_PORT: String(metricsPort), METRICS_PUBLIC: 'true' }),
    ).rejects.toThrow(
      /exited with 1:\s*invalid configuration: METRICS_PUBLIC must not be true with METRICS_PORT set/,
    );
  });
});
