import { applyDecorators, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { Roles, type Role } from '@multitrack/auth';
import { ApiCommandResponses, ApiProblemResponses } from '@multitrack/platform';
import { IDEMPOTENCY_KEY_HEADER, IF_MATCH_HEADER } from './openapi';
import { WriteResult } from './write-result';

/** What differs between two write routes: who may call them and what they do. */
export interface WriteEndpointOptions {
  roles: [Role, ...Role[]];
  summary: string;
}

/**
 * A command on an existing entity (`POST /v1/organizations/:id/suspension`, `PATCH /v1/requests/:id`):
 * 200 with `{ id, revision, position }`, `If-Match` honoured, 404 for an entity the caller cannot see.
 */
export const TransitionEndpoint = (
  path: string,
  { roles, summary, method = 'POST' }: WriteEndpointOptions & { method?: 'POST' | 'PATCH' },
) =>
  applyDecorators(
    method === 'PATCH' ? Patch(path) : Post(path),
    HttpCode(200),
    Roles(...roles),
    ApiOperation({ summary }),
    ApiHeader(IF_MATCH_HEADER),
    // API.md: every POST accepts Idempotency-Key.
    ...(method === 'POST' ? [ApiHeader(IDEMPOTENCY_KEY_HEADER)] : []),
    ApiOkResponse({ type: WriteResult }),
    ApiCommandResponses(),
    ApiProblemResponses(404),
  );

/**
 * A command that creates an entity whose id derives from the Idempotency-Key, so a retry with the
 * key finds the same entity: 201 with `{ id, revision, position }`. `problems` are the statuses it
 * answers with beyond every command's (404 when the entity it hangs under is missing).
 */
export const CreatingEndpoint = (
  path: string,
  {
    roles,
    summary,
    created,
    problems = [],
  }: WriteEndpointOptions & { created?: string; problems?: number[] },
) =>
  applyDecorators(
    Post(path),
    Roles(...roles),
    ApiOperation({ summary }),
    ApiHeader(IDEMPOTENCY_KEY_HEADER),
    ApiCreatedResponse({ type: WriteResult, ...(created !== undefined && { description: created }) }),
    ApiCommandResponses(),
    ...(problems.length > 0 ? [ApiProblemResponses(...problems)] : []),
  );
