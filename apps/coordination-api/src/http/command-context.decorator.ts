import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Actor, RequestWithActor } from '@multitrack/auth';
import type { Request } from 'express';
import { CommandContext, newCommandContext } from '../command-handling/command-context';

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
  const base = newCommandContext(command, actor, {
    ...(header(request, 'idempotency-key') !== undefined && { idempotencyKey: header(request, 'idempotency-key') }),
    ...(typeof request.id === 'string' && request.id.length > 0 && { correlationId: request.id }),
    ...(traceparent && TRACEPARENT.test(traceparent) && { traceparent }),
  });
  const pattern = (request.route?.path as string | undefined) ?? request.path;
  return { ...base, actor, route: `${request.method} ${pattern} ${JSON.stringify(request.params ?? {})}` };
});
