import { randomUUID } from 'node:crypto';
import { Controller, Get, Module } from '@nestjs/common';
import { Roles, signDevelopmentToken } from '@multitrack/auth';
import { parseConfig } from '../config/load-config';
import { httpAppConfig } from '../config/variables';
import { createHttpApp, type HttpApp } from '../http/create-http-app';

// The Redis every test machine runs (127.0.0.1:6379).
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0';
const secret = 'a-development-secret-of-32-chars!!';

@Controller('pings')
class PingsController {
  @Get()
  @Roles('officer')
  ping() {
    return { pong: true };
  }
}

@Module({ controllers: [PingsController] })
class PingsModule {}

const replica = async (env: Record<string, string>) => {
  const config = parseConfig(httpAppConfig, {
    AUTH_JWT_SECRET: secret,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_HOLD_MS: '0',
    ...env,
  });
  const app = await createHttpApp(PingsModule, { config, openApi: { title: 'pings' } });
  await app.listen(0, '127.0.0.1');
  return app;
};

describe('rate limits shared by replicas through Redis (RATE_LIMIT_REDIS_URL)', () => {
  let replicas: HttpApp[];

  beforeAll(async () => {
    const env = { RATE_LIMIT_PER_MINUTE: '4', RATE_LIMIT_REDIS_URL: REDIS_URL };
    replicas = [await replica(env), await replica(env)];
  });
  afterAll(() => Promise.all(replicas.map((app) => app.close())));

  const ping = async (app: HttpApp, sub: string) =>
    fetch(`${await app.getUrl()}/pings`, {
      headers: { authorization: `Bearer ${await signDevelopmentToken({ secret, sub, roles: ['officer'] })}` },
    });

  it('counts one principal across both replicas, and no other principal with it', async () => {
    // A principal no earlier run has used: the counters outlive the apps for their minute.
    const alice = `alice-${randomUUID()}`;
    const statuses = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await ping(replicas[i % 2], alice)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    const refused = await ping(replicas[0], alice);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await ping(replicas[1], `bob-${randomUUID()}`)).status).toBe(200);
  });

  it('keeps counting in memory, per replica, when Redis does not answer', async () => {
    const offline = await replica({
      RATE_LIMIT_PER_MINUTE: '2',
      RATE_LIMIT_REDIS_URL: 'redis://127.0.0.1:1/0',
    });
    try {
      const carol = `carol-${randomUUID()}`;
      const statuses = [];
      for (let i = 0; i < 3; i += 1) statuses.push((await ping(offline, carol)).status);
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await offline.close();
    }
  });
});
