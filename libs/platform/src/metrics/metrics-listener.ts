import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError } from '../config/load-config';
import { statusProblem } from '../errors/problem';
import { Metrics } from './metrics';
import type { MetricsExposure } from './metrics-exposure';

export const METRICS_EXPOSURE = Symbol('MetricsExposure');

/**
 * GET /metrics on a port of its own (METRICS_PORT), a plain node:http server beside the app's
 * Fastify: nothing else is reachable there, and the API's guards, rate limits and access log are
 * not in the scraper's way. It opens before the API port does and closes after it (app.close()).
 */
@Injectable()
export class MetricsListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private server?: Server;

  constructor(
    private readonly metrics: Metrics,
    @Inject(METRICS_EXPOSURE) private readonly exposure: MetricsExposure,
  ) {}

  /** The port it listens on (METRICS_PORT=0 takes a free one); undefined when it does not. */
  get port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.exposure.kind !== 'own-port') return;
    const { port, host } = this.exposure;
    const server = createServer((request, response) => void this.answer(request, response));
    // A scrape is one small GET: nothing legitimate holds a connection for long.
    server.requestTimeout = 10_000;
    server.headersTimeout = 5_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) =>
        reject(
          new ConfigError([
            {
              variable: 'METRICS_PORT',
              reason: `${port} on ${host} could not be opened: ${error.code ?? error.message}`,
            },
          ]),
        ),
      );
      server.listen(port, host, () => resolve());
    });
    this.server = server;
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Cache-Control', 'no-store');
    if ((request.url ?? '').split('?')[0] !== '/metrics')
      return problem(response, 404, 'this port serves GET /metrics only');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      return problem(response, 405, 'GET /metrics only');
    }
    try {
      const text = await this.metrics.registry.metrics();
      response.writeHead(200, { 'Content-Type': this.metrics.registry.contentType });
      response.end(request.method === 'HEAD' ? undefined : text);
    } catch {
      problem(response, 500, 'the metrics could not be collected');
    }
  }
}

const problem = (response: ServerResponse, status: number, detail: string): void => {
  response.writeHead(status, { 'Content-Type': 'application/problem+json' });
  response.end(JSON.stringify(statusProblem(status, detail)));
};
