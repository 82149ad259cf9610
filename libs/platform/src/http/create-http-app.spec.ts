import { Body, Controller, Get, Injectable, Module, OnModuleInit, Post } from '@nestjs/common';

import { Type } from 'class-transformer';
import { IsString, Matches, ValidateNested } from 'class-validator';
import { Actor, CurrentActor, Roles, signDevelopmentToken } from '@multitrack/auth';
import { rule } from '@multitrack/domain';
import { ConcurrencyError, StoreUnavailableError } from '@multitrack/event-store';
import { parseConfig } from '../config/load-config';
import { httpAppConfig } from '../config/variables';
import { throwIfDomainError } from '../errors/domain-rule-violation';
import { ReadinessChecks } from '../health/readiness-checks';
import { ApiCommandResponses } from '../openapi/api-responses';
import { createHttpApp, type HttpApp } from './create-http-app';

const secret = 'a-development-secret-of-32-chars!!';
// Response bodies are checked field by field below; their static type adds nothing.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

class MoneyDto {
  @Matches(/^\d+\.\d{2}$/, { message: 'amount must be a decimal string' }) amount: string;
  @IsString() currency: string;
}

class CreateThingDto {
  @IsString() name: string;
  @ValidateNested() @Type(() => MoneyDto) budget: MoneyDto;
}

@Controller('things')
class ThingsController {
  @Post()
  @Roles('officer')
  @ApiCommandResponses()
  create(@Body() body: CreateThingDto, @CurrentActor() actor: Actor) {
    return { name: body.name, amount: body.budget.amount, by: actor.sub };
  }

  @Post('returned-rule')
  @Roles('officer')
  returnsRule() {
    return rule('match.over-disbursed', 'disbursed would exceed committed');
  }

  @Post('thrown-rule')
  @Roles('officer')
  throwsRule() {
    return throwIfDomainError(rule('offer.not-withdrawable', 'offer is accepted'));
  }

  @Get('boom')
  @Roles('officer')
  boom() {
    throw new Error('connection string postgres://admin:hunter2@db failed');
  }

  @Get('clash')
  @Roles('officer')
  clash() {
    throw new ConcurrencyError('match-1', 3, 4);
  }

  @Get('store-down')
  @Roles('officer')
  storeDown() {
    throw new StoreUnavailableError('eventstore unreachable');
  }

  @Get('undeclared')
  undeclared() {
    return 'should never be reached';
  }
}

@Injectable()
class FakeStore implements OnModuleInit {
  answering = true;
  constructor(private readonly checks: ReadinessChecks) {}
  onModuleInit() {
    this.checks.register('event-store', async () => {
      if (!this.answering) throw new Error('connection refused');
    });
  }
}

@Module({ controllers: [ThingsController], providers: [FakeStore] })
class ThingsModule {}

const start = async (env: Record<string, string> = {}, logLines?: string[]) => {
  const config = parseConfig(httpAppConfig, { AUTH_JWT_SECRET: secret, LOG_LEVEL: 'silent', ...env });
  const logDestination = logLines && { write: (line: string) => void logLines.push(line) };
  const app = await createHttpApp(ThingsModule, { config, openApi: { title: 'things' }, logDestination });
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl() };
};

const tokenFor = (sub: string, roles: ('officer' | 'auditor')[] = ['officer']) =>
  signDevelopmentToken({ secret, sub, roles });

describe('an app built with createHttpApp', () => {
  let app: HttpApp;
  let url: string;
  let officer: string;

  beforeAll(async () => {
    // /metrics on the API port, as METRICS_PUBLIC=true serves it (metrics-listener.spec.ts: the rest)
    ({ app, url } = await start({ METRICS_PUBLIC: 'true' }));
    officer = await tokenFor('alice');
  });
  afterAll(() => app.close());

  const call = (path: string, init: RequestInit & { token?: string; json?: string } = {}) =>
    fetch(`${url}${path}`, {
      ...init,
      method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
      body: init.json,
      headers: {
        ...(init.json === undefined ? {} : { 'content-type': 'application/json' }),
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...(init.headers as Record<string, string>),
      },
    });
  const problemOf = async (response: Response) => {
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body: Json = await response.json();
    expect(JSON.stringify(body)).not.toMatch(/\bat \w|\.ts:\d/);
    return body;
  };
  const valid = { name: 'water', budget: { amount: '100.00', currency: 'USD' } };

  it('accepts a valid command from the right role', async () => {
    const response = await call('/things', { token: officer, json: JSON.stringify(valid) });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ name: 'water', amount: '100.00', by: 'alice' });
  });

  it('answers 400 naming an unknown field', async () => {
    const response = await call('/things', {
      token: officer,
      json: JSON.stringify({ ...valid, admin: true }),
    });
    expect(response.status).toBe(400);
    expect((await problemOf(response)).errors).toEqual([
      { field: 'admin', message: 'property admin should not exist' },
    ]);
  });

  it('answers 400 for an unknown nested field and an invalid nested value, with their paths', async () => {
    const response = await call('/things', {
      token: officer,
      json: JSON.stringify({ ...valid, budget: { amount: 1e5, currency: 'USD', rate: 1 } }),
    });
    expect(response.status).toBe(400);
    expect((await problemOf(response)).errors).toEqual(
      expect.arrayContaining([
        { field: 'budget.rate', message: 'property rate should not exist' },
        { field: 'budget.amount', message: 'amount must be a decimal string' },
      ]),
    );
  });

  it('answers 400 for "__proto__" and "constructor" in a raw JSON body instead of dropping them', async () => {
    const raw = '{"name":"water","budget":{"amount":"1.00","currency":"USD"},"__proto__":{"admin":true}}';
    const response = await call('/things', { token: officer, json: raw });
    expect(response.status).toBe(400);
    expect((await problemOf(response)).errors).toEqual([
      { field: '__proto__', message: 'property __proto__ should not exist' },
    ]);

    const nested =
      '{"name":"water","budget":{"amount":"1.00","currency":"USD","constructor":{"prototype":{}}}}';
    const second = await call('/things', { token: officer, json: nested });
    expect(second.status).toBe(400);
    expect((await problemOf(second)).errors[0].field).toBe('budget.constructor');
  });

  it('answers 400 for malformed JSON', async () => {
    const response = await call('/things', { token: officer, json: '{"name": ' });
    expect(response.status).toBe(400);
    expect((await problemOf(response)).detail).toBe('the request body is not valid JSON');
  });

  it('answers 415 for a body that is not JSON, before any handler runs', async () => {
    const response = await call('/things', {
      method: 'POST',
      token: officer,
      body: JSON.stringify(valid),
      headers: { 'content-type': 'text/plain' },
    });
    expect(response.status).toBe(415);
    expect((await problemOf(response)).status).toBe(415);
  });

  it('answers 400 naming the field for text no store or XML export can take', async () => {
    const response = await call('/things', {
      token: officer,
      json: JSON.stringify({ ...valid, name: 'a\u0001\u000bb' }),
    });
    expect(response.status).toBe(400);
    expect((await problemOf(response)).errors).toEqual([
      {
        field: 'name',
        message: 'name must not contain control characters, U+FFFE, U+FFFF or unpaired surrogates',
      },
    ]);
  });

  it('sends security headers with every answer', async () => {
    const response = await call('/health/live');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('answers 413 for a body above 1 MiB', async () => {
    const response = await call('/things', {
      token: officer,
      json: JSON.stringify({ name: 'x'.repeat(1024 * 1024) }),
    });
    expect(response.status).toBe(413);
    expect((await problemOf(response)).status).toBe(413);
  });

  it('answers 401 without a token and with a bad one', async () => {
    const missing = await call('/things', { json: JSON.stringify(valid) });
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    expect((await problemOf(missing)).detail).toBe('missing bearer token');
    const forged = await call('/things', { token: `${officer.slice(0, -2)}xx`, json: JSON.stringify(valid) });
    expect(forged.status).toBe(401);
  });

  it('answers 403 for a valid token with the wrong role, and for a route that declares no roles', async () => {
    const auditor = await tokenFor('carol', ['auditor']);
    expect((await call('/things', { token: auditor, json: JSON.stringify(valid) })).status).toBe(403);
    const undeclared = await call('/things/undeclared', { token: officer });
    expect(undeclared.status).toBe(403);
    expect((await problemOf(undeclared)).type).toBe('https://multitrack.example/problems/forbidden');
  });

  it('answers 404 for an unknown route', async () => {
    const response = await call('/nowhere', { token: officer });
    expect(response.status).toBe(404);
    expect((await problemOf(response)).title).toBe('Not Found');
  });

  it('answers 422 naming the rule for a returned or thrown domain error', async () => {
    const returned = await call('/things/returned-rule', { token: officer, method: 'POST' });
    expect(returned.status).toBe(422);
    expect(await problemOf(returned)).toMatchObject({
      type: 'https://multitrack.example/problems/match.over-disbursed',
      status: 422,
      detail: 'disbursed would exceed committed',
      rule: 'match.over-disbursed',
    });
    const thrown = await call('/things/thrown-rule', { token: officer, method: 'POST' });
    expect(thrown.status).toBe(422);
    expect((await problemOf(thrown)).rule).toBe('offer.not-withdrawable');
  });

  it('answers 409 for a concurrency clash and 503 with Retry-After when the store is down', async () => {
    expect((await call('/things/clash', { token: officer })).status).toBe(409);
    const down = await call('/things/store-down', { token: officer });
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('5');
  });

  it('answers 500 without the error message or stack, but with the request id', async () => {
    const response = await call('/things/boom', { token: officer, headers: { 'x-request-id': 'req-42' } });
    expect(response.status).toBe(500);
    expect(response.headers.get('x-request-id')).toBe('req-42');
    const body = await problemOf(response);
    expect(body).toEqual({
      type: 'https://multitrack.example/problems/internal-server-error',
      title: 'Internal Server Error',
      status: 500,
      detail: 'an unexpected error occurred',
      requestId: 'req-42',
    });
  });

  it('generates a request id when the caller sends none', async () => {
    const response = await call('/health/live');
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reports readiness per registered check: 200 while it answers, 503 with details when not', async () => {
    expect((await call('/health/live')).status).toBe(200);
    expect((await call('/health/ready')).status).toBe(200);
    app.get(FakeStore).answering = false;
    try {
      const response = await call('/health/ready');
      expect(response.status).toBe(503);
      expect((await problemOf(response)).checks).toEqual({
        'event-store': { status: 'down' },
      });
    } finally {
      app.get(FakeStore).answering = true;
    }
  });

  it('exposes Prometheus metrics with the route template as label', async () => {
    await call('/things', { token: officer, json: JSON.stringify(valid) });
    const text = await (await call('/metrics')).text();
    expect(text).toMatch(/http_request_duration_seconds_count\{[^}]*route="\/things"[^}]*status_code="201"/);
    expect(text).toContain('process_cpu_user_seconds_total');
  });

  it('serves the OpenAPI document with bearer auth, roles and problem responses', async () => {
    const document: Json = await (await call('/docs-json')).json();
    const create = document.paths['/things'].post;
    expect(create.security).toEqual([{ bearer: [] }]);
    expect(create['x-roles']).toEqual(['officer']);
    expect(Object.keys(create.responses)).toEqual(
      expect.arrayContaining(['400', '401', '403', '409', '412', '413', '422', '429']),
    );
    expect(create.responses['422'].content['application/problem+json'].schema.$ref).toBe(
      '#/components/schemas/ProblemSchema',
    );
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect((await call('/docs/')).status).toBe(200);
  });

  it('serves Swagger UI without keeping the token (persisted, any script on the origin could read it)', async () => {
    const init = await (await call('/docs/swagger-ui-init.js')).text();
    expect(init).toMatch(/"persistAuthorization":\s*false/);
  });
});

describe('limits for anonymous callers', () => {
  let app: HttpApp;
  let url: string;

  beforeAll(
    async () => ({ app, url } = await start({ RATE_LIMIT_PER_MINUTE: '3', RATE_LIMIT_HOLD_MS: '0' })),
  );
  afterAll(() => app.close());

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${url}${path}`, { headers });

  it('limits anonymous routes by client address, /docs included, and ignores X-Forwarded-For without TRUST_PROXY', async () => {
    // Given three requests a minute per principal, when one address asks for health, Swagger UI and the document
    expect((await get('/health/live')).status).toBe(200);
    expect((await get('/docs/')).status).toBe(200);
    expect((await get('/docs-json')).status).toBe(200);
    // Then its fourth is refused wherever it goes, whatever address it claims to forward for
    for (const path of ['/docs-json', '/docs/swagger-ui-init.js', '/health/ready']) {
      const refused = await get(path, { 'x-forwarded-for': '203.0.113.9' });
      expect({ path, status: refused.status }).toEqual({ path, status: 429 });
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // while a caller with a token is counted as itself
    const token = await tokenFor('dora');
    expect(
      (await fetch(`${url}/things/clash`, { headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(409);
  });
});

describe('TRUST_PROXY', () => {
  let app: HttpApp;
  let url: string;

  beforeAll(
    async () =>
      ({ app, url } = await start({
        RATE_LIMIT_PER_MINUTE: '2',
        RATE_LIMIT_HOLD_MS: '0',
        TRUST_PROXY: 'true',
      })),
  );
  afterAll(() => app.close());

  it('reads the client address from X-Forwarded-For only under TRUST_PROXY, so clients behind one proxy are counted apart', async () => {
    const live = (client: string) => fetch(`${url}/health/live`, { headers: { 'x-forwarded-for': client } });
    expect((await live('198.51.100.1')).status).toBe(200);
    expect((await live('198.51.100.1')).status).toBe(200);
    expect((await live('198.51.100.1')).status).toBe(429);
    expect((await live('198.51.100.2')).status).toBe(200);
  });
});

describe('rate limiting per principal', () => {
  let app: HttpApp;
  let url: string;

  beforeAll(async () => ({ app, url } = await start({ RATE_LIMIT_PER_MINUTE: '2' })));
  afterAll(() => app.close());

  const get = async (token: string) =>
    fetch(`${url}/things/clash`, { headers: { authorization: `Bearer ${token}` } });

  it('answers 429 with Retry-After once a sub exceeds its limit, while another sub still passes', async () => {
    const alice = await tokenFor('alice');
    expect((await get(alice)).status).toBe(409);
    expect((await get(alice)).status).toBe(409);
    const limited = await get(alice);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await limited.json()) as Json).status).toBe(429);
    expect((await get(await tokenFor('bob'))).status).toBe(409);
  });
});

describe('the burst cap under the minute', () => {
  let app: HttpApp;
  let url: string;

  beforeAll(
    async () =>
      ({ app, url } = await start({ RATE_LIMIT_PER_MINUTE: '6000', RATE_LIMIT_BURST_PER_SECOND: '3' })),
  );
  afterAll(() => app.close());

  it('refuses a principal more than the burst in one second, though its minute is far from spent, and names the window', async () => {
    const carol = await tokenFor('carol');
    const get = () => fetch(`${url}/things/clash`, { headers: { authorization: `Bearer ${carol}` } });
    // Given a burst of three allowed per second, when eight requests arrive at once
    const answers = await Promise.all(Array.from({ length: 8 }, () => get()));
    // Then at most three per second pass, and a refusal names the one-second window, not the minute
    const refused = answers.filter((answer) => answer.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(2);
    expect(answers.filter((answer) => answer.status === 409).length).toBeLessThanOrEqual(6);
    expect(refused[0].headers.get('retry-after')).toBe('1');
    expect(((await refused[0].json()) as Json).detail).toMatch(/more than 3 requests in 1 s/);
  });
});

describe('logging', () => {
  let app: HttpApp;
  let url: string;
  const lines: string[] = [];

  beforeAll(async () => ({ app, url } = await start({ LOG_LEVEL: 'info' }, lines)));
  afterAll(() => app.close());

  it('logs an unexpected error in full under the request id, and never the bearer token', async () => {
    const token = await tokenFor('alice');
    const response = await fetch(`${url}/things/boom`, {
      headers: { authorization: `Bearer ${token}`, 'x-request-id': 'req-77' },
    });
    expect(response.status).toBe(500);
    await new Promise((resolve) => setImmediate(resolve));
    const entries = lines.map((line) => JSON.parse(line));
    const failure = entries.find((entry) => entry.req?.id === 'req-77');
    expect(failure).toMatchObject({ level: 50, res: { statusCode: 500 } });
    expect(failure.err.stack).toContain('connection string postgres://admin:hunter2@db failed');
    // The access log keeps method, url, id and address, never the headers that carry credentials.
    expect(failure.req).toEqual({
      id: 'req-77',
      method: 'GET',
      url: '/things/boom',
      remoteAddress: expect.any(String),
    });
    expect(lines.join('\n')).not.toContain(token);
  });
});
