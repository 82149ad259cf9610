import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { signDevelopmentToken } from '@multitrack/auth';
import { validRequest } from '../coordination/support/scenario';
import { localStack, waitFor, type LocalStack } from './support';

// The walking skeleton on the real stack: each app its own process, started and stopped by
// deploy/local/stack.sh, a command in through the coordination-api and read back through the
// relay, Kafka and the projector.
const secret = randomBytes(32).toString('base64');

describe('the local stack (deploy/local/stack.sh)', () => {
  let stack: LocalStack;

  beforeAll(async () => {
    stack = await localStack('stack-test', { AUTH_JWT_SECRET: secret });
  });

  afterAll(() => stack?.destroy(), 60_000);

  it('starts every app, serves a command through to its read model, and stops leaving no process behind', async () => {
    // Given the stack is up
    const said = await stack.up();
    expect(said).toMatch(/up in \d+s/);
    const pids = ['coordination-api', 'audit-api', 'relay', 'projector'].map((app) =>
      Number(readFileSync(path.join(stack.stateDir, `${app}.pid`), 'utf8')),
    );
    expect(stack.processes().map(Number).sort()).toEqual(expect.arrayContaining([...pids].sort()));

    // When an officer publishes a help request
    const token = await signDevelopmentToken({ secret, sub: 'officer-stack', roles: ['officer'] });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const api = stack.url('coordination-api');
    const created = await fetch(`${api}/v1/requests`, {
      method: 'POST',
      headers,
      body: JSON.stringify(validRequest()),
    });
    expect(created.status).toBe(201);
    const { id, revision } = (await created.json()) as { id: string; revision: number };

    // Then it becomes readable once the relay and the projector carried it to the read model
    const read = await waitFor(async () => {
      const response = await fetch(`${api}/v1/requests/${id}?minRevision=${revision}`, { headers });
      return response.status === 200 ? ((await response.json()) as Record<string, unknown>) : undefined;
    }, 'the request is readable');
    expect(read).toMatchObject({
      id,
      title: validRequest().title,
      status: 'open',
      country: validRequest().country,
    });

    // And down stops exactly those processes
    await stack.down();
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
    expect(stack.processes()).toEqual([]);
    expect(existsSync(path.join(stack.stateDir, 'coordination-api.pid'))).toBe(false);
  }, 120_000);
});
