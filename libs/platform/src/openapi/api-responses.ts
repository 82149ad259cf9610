import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { FieldErrorSchema, ProblemSchema } from './problem.schema';

export const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request: malformed JSON, unknown or invalid fields (see `errors`)',
  401: 'Missing, expired or invalid bearer token',
  403: 'The token lacks the role, or the resource belongs to another organisation',
  404: 'No such resource',
  409: 'Concurrent changes kept clashing; retry',
  412: '`If-Match` names a revision that is no longer current',
  413: 'Request body larger than 1 MiB',
  415: 'A request body that is not `application/json`',
  422: 'A business rule was broken; `type` names the rule',
  429: 'Rate limit exceeded; see `Retry-After`',
  503: 'A dependency is unavailable; see `Retry-After`',
};

const RETRY_AFTER = { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } };

/** Documents `application/problem+json` answers for the given statuses. */
export const ApiProblemResponses = (...statuses: number[]) =>
  applyDecorators(
    ApiExtraModels(ProblemSchema, FieldErrorSchema),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: PROBLEM_DESCRIPTIONS[status] ?? 'Problem',
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemSchema) } } },
        ...(status === 429 || status === 503 ? { headers: RETRY_AFTER } : {}),
      }),
    ),
  );

/** The problems any write can answer with. */
export const ApiCommandResponses = () => ApiProblemResponses(400, 401, 403, 409, 412, 413, 422, 429);

/** The problems any read can answer with. */
export const ApiQueryResponses = () => ApiProblemResponses(400, 401, 403, 404, 429);
