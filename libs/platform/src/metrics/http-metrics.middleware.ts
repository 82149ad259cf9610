import type { NextFunction, Request, Response } from 'express';
import { Metrics } from './metrics';

/** The route template (`/v1/matches/:id`), never the raw URL: label values must stay few. */
const routeOf = (request: Request): string =>
  request.route?.path ? `${request.baseUrl ?? ''}${String(request.route.path)}` : 'unmatched';

export const httpMetricsMiddleware =
  (metrics: Metrics) =>
  (request: Request, response: Response, next: NextFunction): void => {
    const end = metrics.httpRequestDuration.startTimer({ method: request.method });
    response.on('finish', () => end({ route: routeOf(request), status_code: String(response.statusCode) }));
    next();
  };
