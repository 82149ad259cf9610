import {
  clientOf,
  startCoordinationApp,
  tokens,
  validRequest,
  type Client,
  type CoordinationApp,
  type Tokens,
} from '../coordination/support';
import { coordinationTarget } from '../fuzz/support/coordination-target';
import { writeOperationsOf, type WriteOperation } from './support/write-operations';

const MiB = 1024 * 1024;
const megabytes = (bytes: number) => `${(bytes / MiB).toFixed(0)} MB`;

describe('oversized and deeply nested input (PGlite)', () => {
  let app: CoordinationApp;
  let api: Client;
  let t: Tokens;
  let operations: WriteOperation[];
  const rssBefore = process.memoryUsage().rss;

  beforeAll(async () => {
    app = await startCoordinationApp('pglite');
    api = clientOf(app.url);
    t = await tokens();
    operations = writeOperationsOf(await coordinationTarget(app));
  }, 60_000);
  afterAll(async () => {
    // Reported, not asserted: the server shares this process, and RSS depends on the machine.
    process.stdout.write(
      `hostile input: RSS ${megabytes(rssBefore)} before, ${megabytes(process.memoryUsage().rss)} after\n`,
    );
    await app?.close();
  }, 60_000);

  const expectProblem = (answer: { status: number; contentType: string | null }, status: number) => {
    expect(answer.status).toBe(status);
    expect(answer.contentType).toMatch(/^application\/problem\+json/);
  };

  it('answers 413 to a body over 1 MiB on every write route, before reading it into a command', async () => {
    for (const operation of operations) {
      const raw = JSON.stringify({ ...operation.example, description: 'x'.repeat(MiB + 1024) });
      const answer = await api.call(operation.method, operation.path, undefined, { token: t.officer, raw });
      expect({ operation: operation.key, status: answer.status }).toEqual({
        operation: operation.key,
        status: 413,
      });
      expect(answer.contentType).toMatch(/^application\/problem\+json/);
    }
  });

  it.each([
    ['a title of 201 characters', { title: 'x'.repeat(201) }, 'title'],
    ['a description of 10 001 characters', { description: 'x'.repeat(10_001) }, 'description'],
    ['ten tracks', { tracks: [1, 2, 3, 4, 5, 6, 7, 8, 9, 1] }, 'tracks'],
    ['100 000 tracks', { tracks: Array.from({ length: 100_000 }, (_, i) => (i % 9) + 1) }, 'tracks'],
    [
      'a budget amount of 10 000 digits',
      { budget: { amount: '9'.repeat(10_000), currency: 'USD' } },
      'budget',
    ],
  ])('answers 400 naming the field to a request with %s', async (_what, change, field) => {
    const answer = await api.post('/v1/requests', { ...validRequest(), ...change }, { token: t.officer });

    expectProblem(answer, 400);
    expect(JSON.stringify(answer.body.errors ?? answer.body.detail)).toContain(field);
  });

  it.each([
    ['arrays nested 100 000 deep', `{"title":${'['.repeat(100_000)}${']'.repeat(100_000)}}`],
    ['objects nested 50 000 deep', `{"title":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`],
    ['80 000 unknown properties', `{${Array.from({ length: 80_000 }, (_, i) => `"p${i}":1`).join(',')}}`],
  ])('answers 400 to a body of %s, and keeps serving', async (_what, raw) => {
    expect(raw.length).toBeLessThan(MiB);
    const answer = await api.call('POST', '/v1/requests', undefined, { token: t.officer, raw });

    expectProblem(answer, 400);
    expect((await api.get('/v1/requests?limit=1', { token: t.officer })).status).toBe(200);
  });

  it('answers 400 to a page size over 500 and to an Idempotency-Key over 128 characters', async () => {
    expectProblem(await api.get('/v1/requests?limit=501', { token: t.officer }), 400);
    expectProblem(
      await api.post('/v1/requests', validRequest(), {
        token: t.officer,
        headers: { 'Idempotency-Key': 'k'.repeat(129) },
      }),
      400,
    );
  });
});
