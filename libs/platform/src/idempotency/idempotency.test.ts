import { setTimeout as sleep } from 'node:timers/promises';
import {
  Body,
  CanActivate,
  Controller,
  ExecutionContext,
  Global,
  HttpCode,
  Injectable,
  INestApplication,
  Module,
  Param,
  Post,
  UnprocessableEntityException,
} from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { HttpRequest } from '../http/http-request';
import { createTestDatabase, Database, TestDatabase } from '@multitrack/database';
import { ProblemFilter } from '../errors/problem.filter';
import { DATABASE } from '../infrastructure/tokens';
import { IdempotencyModule } from './index';

/** What the handlers did, across app instances: the proof that a replay ran nothing. */
const runs = { widgets: 0, refusals: 0, failures: 0 };

@Controller('v1/things')
class ThingsController {
  @Post(':id/widgets')
  async addWidget(@Param('id') id: string, @Body() body: { name: string }) {
    runs.widgets += 1;
    const run = runs.widgets;
    await sleep(20); // long enough for concurrent duplicates to arrive while the first one runs
    return { id: `widget-${run}`, thingId: id, name: body.name };
  }

  @Post('refusals')
  refuse() {
    runs.refusals += 1;
    throw new UnprocessableEntityException('thing.refused');
  }

  @Post('flaky')
  @HttpCode(200)
  flaky() {
    runs.failures += 1;
    if (runs.failures === 1) throw new Error('the store fell over');
    return { ok: true };
  }
}

/** Stands in for the auth guard: the caller's `sub` comes from a header. */
@Injectable()
class HeaderActorGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<HttpRequest & { actor?: { sub: string } }>();
    request.actor = { sub: String(request.headers['x-sub'] ?? 'officer-1') };
    return true;
  }
}

const appOn = async (db: Database): Promise<INestApplication> => {
  @Global()
  @Module({ providers: [{ provide: DATABASE, useValue: db }], exports: [DATABASE] })
  class DatabaseModule {}

  const moduleRef = await Test.createTestingModule({
    imports: [DatabaseModule, IdempotencyModule.forRoot({ requestHashKey: new Uint8Array(32).fill(7) })],
    controllers: [ThingsController],
    providers: [
      { provide: APP_GUARD, useClass: HeaderActorGuard },
      { provide: APP_FILTER, useClass: ProblemFilter },
    ],
  }).compile();
  const app = moduleRef.createNestApplication(new FastifyAdapter(), { logger: false });
  await app.listen(0, '127.0.0.1');
  return app;
};

interface Answer {
  status: number;
  replayed: boolean;
  contentType: string | null;
  body: Record<string, unknown>;
}

const post = async (
  app: INestApplication,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
) => {
  const response = await fetch(`${await app.getUrl()}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    replayed: response.headers.get('idempotent-replayed') === 'true',
    contentType: response.headers.get('content-type'),
    body: (await response.json()) as Record<string, unknown>,
  } satisfies Answer;
};

describe('Idempotency-Key on POST, over HTTP, on PostgreSQL', () => {
  let test: TestDatabase;
  let app: INestApplication;

  beforeAll(async () => {
    test = await createTestDatabase('postgres');
    app = await appOn(test.db);
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });
  beforeEach(() => Object.assign(runs, { widgets: 0, refusals: 0, failures: 0 }));

  it('replays the first answer to the same key and body, without running the handler again', async () => {
    const first = await post(app, '/v1/things/t-1/widgets', { name: 'a' }, { 'idempotency-key': 'k-1' });
    const again = await post(app, '/v1/things/t-1/widgets', { name: 'a' }, { 'idempotency-key': 'k-1' });

    expect(first).toMatchObject({ status: 201, replayed: false, body: { id: 'widget-1', thingId: 't-1' } });
    expect(again).toEqual({ ...first, replayed: true });
    expect(runs.widgets).toBe(1);
  });

  it('treats the same body with its keys in another order as the same request', async () => {
    const headers = { 'idempotency-key': 'k-order' };
    await post(app, '/v1/things/t-1/widgets', { name: 'a', colour: 'red' }, headers);
    const again = await post(app, '/v1/things/t-1/widgets', { colour: 'red', name: 'a' }, headers);

    expect(again).toMatchObject({ status: 201, replayed: true });
    expect(runs.widgets).toBe(1);
  });

  it('refuses the same key with a different body as a 422 idempotency.key-reused', async () => {
    await post(app, '/v1/things/t-1/widgets', { name: 'a' }, { 'idempotency-key': 'k-2' });
    const reused = await post(app, '/v1/things/t-1/widgets', { name: 'b' }, { 'idempotency-key': 'k-2' });

    expect(reused.status).toBe(422);
    expect(reused.contentType).toMatch(/^application\/problem\+json/);
    expect(reused.body.type).toMatch(/idempotency\.key-reused$/);
    expect(runs.widgets).toBe(1);
  });

  it('runs the handler once for ten simultaneous requests with one key, and gives all of them its answer', async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        post(app, '/v1/things/t-1/widgets', { name: 'c' }, { 'idempotency-key': 'k-concurrent' }),
      ),
    );

    expect(runs.widgets).toBe(1);
    expect(answers.filter((answer) => !answer.replayed)).toHaveLength(1);
    for (const answer of answers) {
      expect({ status: answer.status, body: answer.body }).toEqual({ status: 201, body: answers[0].body });
    }
  });

  it.each([
    ['empty', ''],
    ['longer than 128 characters', 'k'.repeat(129)],
    ['not ASCII', 'clé'],
  ])('answers a key that is %s with a 400 and runs nothing', async (_, key) => {
    const answer = await post(app, '/v1/things/t-1/widgets', { name: 'a' }, { 'idempotency-key': key });

    expect(answer.status).toBe(400);
    expect(answer.body.type).toMatch(/idempotency\.key-invalid$/);
    expect(runs.widgets).toBe(0);
  });

  it('accepts a key of exactly 128 printable characters', async () => {
    const answer = await post(
      app,
      '/v1/things/t-1/widgets',
      { name: 'a' },
      { 'idempotency-key': '~ '.repeat(64) },
    );

    expect(answer.status).toBe(201);
  });

  it('scopes keys to the caller and to the route with its parameters', async () => {
    const key = { 'idempotency-key': 'k-shared' };
    await post(app, '/v1/things/t-1/widgets', { name: 'a' }, { ...key, 'x-sub': 'officer-1' });
    const otherCaller = await post(
      app,
      '/v1/things/t-1/widgets',
      { name: 'a' },
      { ...key, 'x-sub': 'officer-2' },
    );
    const otherThing = await post(
      app,
      '/v1/things/t-2/widgets',
      { name: 'a' },
      { ...key, 'x-sub': 'officer-1' },
    );

    expect([otherCaller.replayed, otherThing.replayed]).toEqual([false, false]);
    expect(runs.widgets).toBe(3);
  });

  it('stores and replays a 4xx answer: the client sent the same thing', async () => {
    const first = await post(app, '/v1/things/refusals', {}, { 'idempotency-key': 'k-refused' });
    const again = await post(app, '/v1/things/refusals', {}, { 'idempotency-key': 'k-refused' });

    expect(first.status).toBe(422);
    expect(again).toEqual({ ...first, replayed: true });
    expect(runs.refusals).toBe(1);
  });

  it('releases the key after a 5xx, so that the retry runs', async () => {
    const failed = await post(app, '/v1/things/flaky', {}, { 'idempotency-key': 'k-flaky' });
    const retried = await post(app, '/v1/things/flaky', {}, { 'idempotency-key': 'k-flaky' });

    expect(failed.status).toBe(500);
    expect(retried).toMatchObject({ status: 200, replayed: false, body: { ok: true } });
    expect(runs.failures).toBe(2);
  });

  it('runs every request that carries no key', async () => {
    await post(app, '/v1/things/t-1/widgets', { name: 'a' });
    await post(app, '/v1/things/t-1/widgets', { name: 'a' });

    expect(runs.widgets).toBe(2);
  });

  it('still replays after a restart: the keys are in the database', async () => {
    const first = await post(
      app,
      '/v1/things/t-9/widgets',
      { name: 'a' },
      { 'idempotency-key': 'k-restart' },
    );
    const restarted = await appOn(test.db);
    try {
      const again = await post(
        restarted,
        '/v1/things/t-9/widgets',
        { name: 'a' },
        { 'idempotency-key': 'k-restart' },
      );

      expect(again).toEqual({ ...first, replayed: true });
      expect(runs.widgets).toBe(1);
    } finally {
      await restarted.close();
    }
  });

  it('scopes a key to the route pattern and parameters, as stored', async () => {
    await post(app, '/v1/things/t-7/widgets', { name: 'a' }, { 'idempotency-key': 'k-route' });
    const { rows } = await test.db.query<{ route: string; principal: string }>(
      `SELECT route, principal FROM idempotency_keys WHERE key = 'k-route'`,
    );

    expect(rows).toEqual([{ route: 'POST /v1/things/:id/widgets {"id":"t-7"}', principal: 'officer-1' }]);
  });
});
