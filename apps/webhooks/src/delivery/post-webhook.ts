import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { TargetPolicy } from './target-policy';

/** More of an answer than this is never read: a receiver's body says nothing a status does not. */
export const RESPONSE_BYTES_READ = 4096;

export interface WebhookPost {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  policy: TargetPolicy;
}

/** The receiver's status, or why there was none (refused target, network error, time-out). */
export type WebhookAnswer = { responseStatus: number } | { failure: string };

/**
 * One POST, no redirects followed (a 3xx is just not a 2xx), the whole exchange bounded by
 * `timeoutMs`, at most `RESPONSE_BYTES_READ` of the answer read before the connection is dropped.
 */
export const postWebhook = ({ url, body, headers, timeoutMs, policy }: WebhookPost): Promise<WebhookAnswer> =>
  new Promise((resolve) => {
    let settled = false;
    const settle = (answer: WebhookAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(answer);
    };
    let target: URL;
    try {
      target = new URL(url);
      policy.checkAddressLiteral(target.hostname);
    } catch (error) {
      return resolve({ failure: (error as Error).message });
    }
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(target, {
      method: 'POST',
      lookup: policy.lookup,
      headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    const timer = setTimeout(() => {
      request.destroy();
      settle({ failure: `no answer within ${timeoutMs} ms` });
    }, timeoutMs);
    request.on('error', (error) => settle({ failure: error.message }));
    request.on('response', (response: IncomingMessage) => {
      const status = response.statusCode ?? 0;
      let read = 0;
      response.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read > RESPONSE_BYTES_READ) {
          response.destroy();
          settle({ responseStatus: status });
        }
      });
      response.on('end', () => settle({ responseStatus: status }));
      response.on('error', () => settle({ responseStatus: status }));
    });
    request.end(body);
  });
