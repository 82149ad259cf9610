import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { v5 as uuidV5 } from 'uuid';
import type { Actor, RequestWithActor } from '@multitrack/auth';
import { readIdempotencyKey, routeOf, routeTemplateOf, type HttpRequest } from '@multitrack/platform';
import type { CommandContext } from '../command-handling/command-context';
import { parseIfMatch } from './if-match';

const TRACEPARENT = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

// Fixed forever: changing it would give a retried command new event ids.
const namespace = '2f0c8a51-7d4e-5b8f-9c1a-6e3d2b4f8a07';

/**
 * Keys are the caller's and the route's (API.md): the store derives event ids from the scoped
 * key, so two callers, or two routes on one stream, reusing a key never share event ids.
 */
const scopedKeyOf = (actor: Actor, route: string, key: string): string =>
  uuidV5(JSON.stringify([actor.sub, route, key]), namespace);

const header = (request: HttpRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
};

/**
 * `@Context() context: CommandContext`: the verified actor, the scoped Idempotency-Key, the
 * request id as correlation id, the caller's traceparent, `If-Match`, and the instant the command
 * is decided at — everything a handler needs from the HTTP request, built once.
 */
export const Context = createParamDecorator((_: unknown, execution: ExecutionContext): CommandContext => {
  const request = execution.switchToHttp().getRequest<HttpRequest & RequestWithActor>();
  const actor = request.actor;
  if (!actor) throw new Error('a command needs a verified actor (is the route public?)');
  const key = readIdempotencyKey(request.headers['idempotency-key']);
  const route = routeOf(request.method, routeTemplateOf(request), request.params as Record<string, unknown>);
  const traceparent = header(request, 'traceparent');
  const ifMatch = parseIfMatch(request.headers['if-match']);
  return {
    actor,
    correlationId: request.id || randomUUID(),
    now: new Date().toISOString(),
    ...(key !== undefined && { idempotencyKey: scopedKeyOf(actor, route, key) }),
    ...(traceparent && TRACEPARENT.test(traceparent) && { traceparent }),
    ...(ifMatch !== undefined && { ifMatch }),
  };
});
