import type { HttpReply, HttpRequest } from '../http/http-request';
import { noteFailure } from '../logging/logging';
import { STORE_RETRY_AFTER_S, toProblem } from './to-problem';

/**
 * Writes `exception` as `application/problem+json`; never a stack trace. The ProblemFilter calls
 * it for anything thrown in a handler and, through Nest's Fastify error handler, for what fails
 * before routing (body too large, malformed JSON, an unsupported media type).
 */
export const sendProblem = (request: HttpRequest, reply: HttpReply, exception: unknown): void => {
  const { problem, headers, unexpected } = toProblem(exception);
  if (unexpected) noteFailure(request, exception);
  if (reply.sent) {
    // Too late for an answer (a stream already started): cut it, so it is never taken for whole.
    reply.raw.destroy();
    return;
  }
  if (problem.status === 401) reply.header('WWW-Authenticate', 'Bearer');
  if (problem.status === 503 && !headers['Retry-After'])
    reply.header('Retry-After', String(STORE_RETRY_AFTER_S));
  for (const [name, value] of Object.entries(headers)) reply.header(name, value);
  void reply
    .status(problem.status)
    .type('application/problem+json')
    .send(JSON.stringify({ ...problem, requestId: String(request.id) }));
};
