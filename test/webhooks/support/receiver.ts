import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface Received {
  webhookId: string;
  type: string;
  subject: string;
  position: number;
  data: Record<string, unknown>;
  body: string;
}

export interface ReceiverOptions {
  /** Answer 500 to the first this many attempts of each event, then 200. */
  failFirst?: number;
  /** Answer 500 to every attempt of these streams. */
  failStreams?: Set<string>;
  /** Answer this long after the request arrived (deliveries in flight, for a kill). */
  delayMs?: number;
}

const bodyOf = (request: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });

/**
 * A webhook receiver on 127.0.0.1 that checks every signature with the standardwebhooks library's
 * own verifier and keeps what it accepted, in arrival order.
 */
export class Receiver {
  readonly accepted: Received[] = [];
  readonly attempts = new Map<string, number>();
  readonly badSignatures: string[] = [];
  private server?: Server;
  private port = 0;
  secret = '';

  constructor(readonly options: ReceiverOptions = {}) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/hook`;
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      void bodyOf(request).then((body) => {
        const headers = {
          'webhook-id': String(request.headers['webhook-id']),
          'webhook-timestamp': String(request.headers['webhook-timestamp']),
          'webhook-signature': String(request.headers['webhook-signature']),
        };
        try {
          new Webhook(this.secret).verify(body, headers);
        } catch {
          this.badSignatures.push(headers['webhook-id']);
          response.writeHead(400).end();
          return;
        }
        const event = JSON.parse(body) as Omit<Received, 'webhookId' | 'body'>;
        const attempt = (this.attempts.get(headers['webhook-id']) ?? 0) + 1;
        this.attempts.set(headers['webhook-id'], attempt);
        const failing =
          attempt <= (this.options.failFirst ?? 0) || this.options.failStreams?.has(event.subject);
        if (failing) {
          response.writeHead(500).end('not now');
          return;
        }
        setTimeout(() => {
          this.accepted.push({ ...event, webhookId: headers['webhook-id'], body });
          response.writeHead(200).end('ok');
        }, this.options.delayMs ?? 0);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    this.server = undefined;
  }

  /** The ids accepted for one stream, in arrival order. */
  subjectsIds(subject: string): string[] {
    return this.accepted.filter((event) => event.subject === subject).map((event) => event.webhookId);
  }
}

export const waitFor = async (
  what: string,
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 20_000,
) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};
