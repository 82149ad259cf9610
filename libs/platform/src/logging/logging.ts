import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { DestinationStream, Logger } from 'pino';
import { pinoHttp } from 'pino-http';

/** Never in a log line: credentials and anything that carries them. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["proxy-authorization"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.secret',
  '*.token',
];

/** A client-chosen id is kept only when it is short and plain, so it cannot forge log lines. */
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * JSON lines to stdout (or `destination`, for tests). Written asynchronously: with pino's default
 * synchronous stdout, a reader that falls behind (a full pipe) made every log call spin in
 * atomic-sleep on the event loop — 12 % of the CPU under load. pino flushes what is pending when
 * the process exits; only a `kill -9` can lose the last lines, never an event.
 */
export const createLogger = (level: string, name?: string, destination?: DestinationStream): Logger =>
  pino(
    { level, name, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
    destination ?? pino.destination({ dest: 1, sync: false }),
  );

/** The request id: the caller's `X-Request-Id` when acceptable, else a new UUID; echoed back. */
export const requestIdFor = (request: IncomingMessage, response: ServerResponse): string => {
  const offered = request.headers['x-request-id'];
  const id = typeof offered === 'string' && ACCEPTABLE_REQUEST_ID.test(offered) ? offered : randomUUID();
  response.setHeader('X-Request-Id', id);
  return id;
};

const QUIET_PATHS = /^\/(health|metrics)(\/|$)/;

/**
 * pino-http as the first Express middleware, so even requests refused by the body parser get an
 * id and an access log line. `req.log` then carries `reqId` in every line logged for the request.
 */
export const httpLogger = (logger: Logger) =>
  pinoHttp({
    logger,
    genReqId: requestIdFor,
    quietReqLogger: true,
    // What an access log needs, not every header: shorter lines, nothing to redact, and half the
    // logging cost per request (pino-http serialised all request and response headers).
    serializers: {
      req: (request: { id: unknown; method: string; url: string; remoteAddress?: string }) => ({
        id: request.id,
        method: request.method,
        url: request.url,
        remoteAddress: request.remoteAddress,
      }),
      res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
    },
    autoLogging: { ignore: (request) => QUIET_PATHS.test(request.url ?? '') },
    customLogLevel: (_request, response, error) =>
      error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
  });
