import type { FastifyReply, FastifyRequest } from 'fastify';

/** The HTTP adapter's request and reply (Fastify, decision 0230): what guards and interceptors get. */
export type HttpRequest = FastifyRequest;
export type HttpReply = FastifyReply;

/** The route template (`/v1/matches/:id`), never the raw URL: label values and route keys stay few. */
export const routeTemplateOf = (request: HttpRequest): string => request.routeOptions?.url ?? 'unmatched';

/** The path the client asked for, without the query string. */
export const pathOf = (request: HttpRequest): string => {
  const query = request.url.indexOf('?');
  return query < 0 ? request.url : request.url.slice(0, query);
};

/** API.md: bodies above 1 MiB are a 413. */
export const BODY_LIMIT_BYTES = 1024 * 1024;
