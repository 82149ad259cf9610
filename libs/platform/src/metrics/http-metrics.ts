import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { routeTemplateOf } from '../http/http-request';
import { Metrics } from './metrics';

type Observer = { observe(seconds: number): void };

/**
 * Fastify `onResponse` hook: the request's duration by method, route template and status. The
 * labelled child of each combination is made once and kept (they are few: templates, not URLs),
 * so a request costs one map lookup and one observation, no label object.
 */
export const recordHttpMetrics = (metrics: Metrics) => {
  const children = new Map<string, Observer>();
  return (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    const route = routeTemplateOf(request);
    const key = `${request.method} ${reply.statusCode} ${route}`;
    let child = children.get(key);
    if (!child) {
      child = metrics.httpRequestDuration.labels(request.method, route, String(reply.statusCode));
      children.set(key, child);
    }
    child.observe(reply.elapsedTime / 1000);
    done();
  };
};
