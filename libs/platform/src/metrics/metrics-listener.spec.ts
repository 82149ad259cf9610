import { Controller, Get, Module } from '@nestjs/common';
import { createServer, type Server } from 'node:net';
import { Public } from '@multitrack/auth';
import { ConfigError, parseConfig } from '../config/load-config';
import { httpAppConfig } from '../config/variables';
import { createHttpApp, type HttpApp } from '../http/create-http-app';
import { MetricsListener } from './metrics-listener';

@Controller('things')
class ThingsController {
  @Get()
  @Public()
  list() {
    return { items: [] };
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

const build = (env: Record<string, string>) =>
  createHttpApp(ThingsModule, {
    config: parseConfig(httpAppConfig, {
      AUTH_JWT_SECRET: 'a-development-secret-of-32-chars!!',
      LOG_LEVEL: 'silent',
      HOST: '127.0.0.1',
      ...env,
    }),
    openApi: { title: 'things' },
  });

const start = async (env: Record<string, string>) => {
  const app = await build(env);
  await app.listen(0, '127.0.0.1');
  return { app, api: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
};

const refusal = (env: Record<string, string>) => {
  try {
    parseConfig(httpAppConfig, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

/** Whether anything accepts a connection on the port. */
const answers = (port: number) =>
  fetch(`http://127.0.0.1:${port}/metrics`).then(
    () => true,
    () => false,
  );

describe('GET /metrics (METRICS_PORT, METRICS_PUBLIC)', () => {
  it('is not served at all by default: the API port answers 404 problem+json', async () => {
    const { app, api } = await start({});
    try {
      const response = await fetch(`${api}/metrics`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await response.text()).not.toContain('http_request_duration_seconds');
      expect(app.get(MetricsListener).port).toBeUndefined();
    } finally {
      await app.close();
    }
  });

  describe('with METRICS_PORT', () => {
    let app: HttpApp;
    let api: string;
    let port: number;

    beforeAll(async () => {
      ({ app, api } = await start({ METRICS_PORT: '0' }));
      port = app.get(MetricsListener).port!;
    });
    afterAll(() => app?.close());

    it('serves the metrics on that port, counting the API port’s requests, and not on the API port', async () => {
      expect((await fetch(`${api}/things`)).status).toBe(200);
      const onApi = await fetch(`${api}/metrics`);
      expect(onApi.status).toBe(404);
      expect(await onApi.text()).not.toContain('http_request_duration_seconds');

      const scraped = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(scraped.status).toBe(200);
      expect(scraped.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(scraped.headers.get('cache-control')).toBe('no-store');
      const text = await scraped.text();
      expect(text).toMatch(
        /http_request_duration_seconds_count\{[^}]*route="\/things"[^}]*status_code="200"/,
      );
      // the 404 for /metrics on the API port is counted like any other answer there
      expect(text).toMatch(/http_request_duration_seconds_count\{method="GET",[^}]*status_code="404"\} 1/);
      expect(text).toContain('process_cpu_user_seconds_total');
    });

    it('answers nothing but GET /metrics there: the API and its health probes stay on the API port', async () => {
      const base = `http://127.0.0.1:${port}`;
      expect((await fetch(`${base}/things`)).status).toBe(404);
      expect((await fetch(`${base}/health/live`)).status).toBe(404);
      const post = await fetch(`${base}/metrics`, { method: 'POST', body: '{}' });
      expect(post.status).toBe(405);
      expect(post.headers.get('allow')).toBe('GET, HEAD');
      expect((await fetch(`${base}/metrics`, { method: 'HEAD' })).status).toBe(200);
      expect((await fetch(`${api}/health/live`)).status).toBe(200);
    });

    it('closes the metrics port with the app', async () => {
      const { app: other } = await start({ METRICS_PORT: '0' });
      const otherPort = other.get(MetricsListener).port!;
      expect(await answers(otherPort)).toBe(true);
      await other.close();
      expect(await answers(otherPort)).toBe(false);
    });
  });

  it('serves it on the API port to anyone only with METRICS_PUBLIC=true', async () => {
    const { app, api } = await start({ METRICS_PUBLIC: 'true' });
    try {
      expect((await fetch(`${api}/metrics`)).status).toBe(200);
      expect(app.get(MetricsListener).port).toBeUndefined();
    } finally {
      await app.close();
    }
  });

  it('refuses contradictions and a taken port, naming the variable', async () => {
    expect(refusal({ METRICS_PORT: '9464', METRICS_PUBLIC: 'true' })).toEqual([
      { variable: 'METRICS_PUBLIC', reason: expect.stringContaining('METRICS_PORT') },
    ]);
    expect(refusal({ PORT: '3000', METRICS_PORT: '3000' })).toEqual([
      { variable: 'METRICS_PORT', reason: 'must differ from PORT (3000)' },
    ]);
    // a configuration built without parseConfig is checked by createHttpApp all the same
    const literal = {
      ...parseConfig(httpAppConfig, { AUTH_JWT_SECRET: 'x'.repeat(32) }),
      METRICS_PORT: 9464,
    };
    await expect(
      createHttpApp(ThingsModule, { config: { ...literal, METRICS_PUBLIC: true }, openApi: { title: 'x' } }),
    ).rejects.toMatchObject({ name: 'ConfigError', problems: [{ variable: 'METRICS_PUBLIC' }] });
    expect(() => parseConfig(httpAppConfig, { METRICS_PORT: 'metrics' })).toThrow(
      /METRICS_PORT must be a port number/,
    );
    const taken: Server = await new Promise((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => resolve(server));
    });
    try {
      const busy = String((taken.address() as { port: number }).port);
      const app = await build({ METRICS_PORT: busy });
      await expect(app.listen(0, '127.0.0.1')).rejects.toMatchObject({
        name: 'ConfigError',
        problems: [{ variable: 'METRICS_PORT', reason: expect.stringContaining('EADDRINUSE') }],
      });
      await app.close().catch(() => undefined);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});
