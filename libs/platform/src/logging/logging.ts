import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import pino, { DestinationStream, Logger } from 'pino';

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

/** The request id: the caller's `X-Request-Id` when acceptable, else a new UUID (echoed back on arrival). */
export const requestIdFor = (request: IncomingMessage): string => {
  const offered = request.headers['x-request-id'];
  return typeof offered === 'string' && ACCEPTABLE_REQUEST_ID.test(offered) ? offered : randomUUID();
};

const QUIET_PATHS = /^\/(health|metrics)(\/|$)/;
const FAILURE = Symbol('failure');

/** What `sendProblem` hands the access log: a 500 nobody planned for, logged once with its stack. */
export const noteFailure = (request: FastifyRequest, error: unknown): void => {
  (request as FastifyRequest & { [FAILURE]?: unknown })[FAILURE] = error;
};

/**
 * Fastify `onResponse` hook: one access-log line per request once the answer is gone, with only
 * what an access log needs (no headers: shorter lines, nothing to redact, and none of the
 * serialisation pino-http did per request). Probes stay out.
 */
export const accessLog =
  (logger: Logger) =>
  (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    const status = reply.statusCode;
    const failure = (request as FastifyRequest & { [FAILURE]?: unknown })[FAILURE];
    if (!QUIET_PATHS.test(request.url) || status >= 500) {
      const line = {
        req: { id: request.id, method: request.method, url: request.url, remoteAddress: request.ip },
        res: { statusCode: status },
        responseTime: Math.round(reply.elapsedTime),
        ...(failure !== undefined && { err: failure }),
      };
      // A 503 is a planned answer (a dependency away, a read model behind), not a failure of ours.
      if (failure !== undefined || (status >= 500 && status !== 503)) logger.error(line, 'request failed');
      else if (status >= 400) logger.warn(line, 'request completed');
      else logger.info(line, 'request completed');
    }
    done();
  };
