import type { NextFunction, Request, Response } from 'express';
import { STORE_RETRY_AFTER_S, toProblem } from './to-problem';

/** Set by pino-http on every request (see logging/). */
type LoggedRequest = Request & { id?: unknown };
/** pino-http logs the request as failed, with this error and its stack, when the response ends. */
type LoggedResponse = Response & { err?: Error };

/** Writes `exception` as `application/problem+json`; never a stack trace. */
export const sendProblem = (request: LoggedRequest, response: LoggedResponse, exception: unknown): void => {
  const { problem, headers, unexpected } = toProblem(exception);
  if (unexpected) response.err = exception instanceof Error ? exception : new Error(String(exception));
  if (response.headersSent) {
    response.end();
    return;
  }
  if (problem.status === 401) response.setHeader('WWW-Authenticate', 'Bearer');
  if (problem.status === 503 && !headers['Retry-After'])
    response.setHeader('Retry-After', String(STORE_RETRY_AFTER_S));
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  const body = request.id === undefined ? problem : { ...problem, requestId: String(request.id) };
  response.status(problem.status).type('application/problem+json').send(JSON.stringify(body));
};

/** Express error middleware for failures before Nest routing: body too large, malformed JSON. */
export const problemErrorMiddleware = (
  error: unknown,
  request: Request,
  response: Response,
  _next: NextFunction,
) => sendProblem(request, response, error);
