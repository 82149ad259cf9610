import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Actor, RequestWithActor } from '@multitrack/auth';
import type { Request } from 'express';
import { CommandContext, newCommandContext } from '../command-handling/command-context';
import { entityIdFor } from '../command-handling/entity-id';

const TRACEPARENT = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

/** What a command handler needs to know about the HTTP request that carried it. */
export interface HttpCommandContext extends CommandContext {
  /** The route pattern and parameters (`POST /v1/requests/:id/offers {"id":…}`): scopes derived ids. */
  route: string;
  actor: Actor;
}

const header = (request: Request, name: string): string | undefined => {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
};

/**
 * `@Command('PublishHelpRequest') context: HttpCommandContext`: actor, Idempotency-Key (already
 * validated by the platform's interceptor), request id as correlation id, traceparent, and the
 * instant the command is decided at.
 */
export const CommandOf = createParamDecorator((command: string, context: ExecutionContext): HttpCommandContext => {
  const request = context.switchToHttp().getRequest<Request & RequestWithActor & { id?: unknown }>();
  const actor = request.actor;
  if (!actor) throw new Error(`${command}: no verified actor on the request (is the route public?)`);
  const traceparent = header(request, 'traceparent');
  const pattern = (request.route?.path as string | undefined) ?? request.path;
  const route = `${request.method} ${pattern} ${JSON.stringify(request.params ?? {})}`;
  const clientKey = header(request, 'idempotency-key');
  const base = newCommandContext(command, actor, {
    // Keys are the caller's and the route's (API.md): the store derives event ids from this one, so
    // two callers, or two routes on one stream, reusing a key must never share event ids.
    ...(clientKey !== undefined && { idempotencyKey: entityIdFor({ sub: actor.sub, route, idempotencyKey: clientKey }) }),
    ...(typeof request.id === 'string' && request.id.length > 0 && { correlationId: request.id }),
    ...(traceparent && TRACEPARENT.test(traceparent) && { traceparent }),
  });
  return { ...base, actor, route };
});
