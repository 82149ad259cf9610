import { applyDecorators, HttpCode, Patch, Post, Put, type Type } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { Roles, type Role } from '@multitrack/auth';
import { ApiCommandResponses, ApiProblemResponses } from '@multitrack/platform';
import { WriteResult } from './write-result';

const IDEMPOTENCY_KEY = ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: '1–128 printable characters; a retry with the same key and body replays the first answer',
});

const IF_MATCH = ApiHeader({
  name: 'If-Match',
  required: false,
  description: 'The revision the caller last saw, e.g. `"3"` (also `W/"3"` or `3`); stale → 412',
});

/** What differs between two write routes: who may call them, what they do and what they answer. */
export interface CommandEndpointOptions {
  roles: [Role, ...Role[]];
  summary: string;
  description?: string;
  /** The answer's schema; `{ id, revision, position }` unless the command says more. */
  answer?: Type<WriteResult>;
  answerDescription?: string;
}

const METHODS = { POST: Post, PATCH: Patch, PUT: Put };

const documented = ({ roles, summary, description }: CommandEndpointOptions) => [
  Roles(...roles),
  ApiOperation({ summary, ...(description !== undefined && { description }) }),
  // API.md, second wave: every POST, PATCH and PUT accepts Idempotency-Key.
  IDEMPOTENCY_KEY,
  ApiCommandResponses(),
];

/**
 * A command on an existing entity (`POST /v1/organizations/:id/suspension`, `PATCH
 * /v1/requests/:id`): `If-Match` honoured, 404 for an entity the caller may not see; 200 unless it
 * records something new under the entity (a commitment, a tranche: 201).
 */
export const TransitionEndpoint = (
  method: keyof typeof METHODS,
  path: string,
  options: CommandEndpointOptions & { status?: 200 | 201 },
) => {
  const { status = 200, answer = WriteResult, answerDescription } = options;
  const response = {
    type: answer,
    ...(answerDescription !== undefined && { description: answerDescription }),
  };
  return applyDecorators(
    METHODS[method](path),
    HttpCode(status),
    ...documented(options),
    IF_MATCH,
    status === 201 ? ApiCreatedResponse(response) : ApiOkResponse(response),
    ApiProblemResponses(404),
  );
};

/**
 * A command that creates an entity whose id derives from the Idempotency-Key, so a retry with the
 * key finds the same entity: 201. `problems`: statuses beyond every command's (404 when the
 * entity it hangs under is missing).
 */
export const CreatingEndpoint = (path: string, options: CommandEndpointOptions & { problems?: number[] }) => {
  const { answer = WriteResult, answerDescription, problems = [] } = options;
  return applyDecorators(
    Post(path),
    ...documented(options),
    ApiCreatedResponse({
      type: answer,
      ...(answerDescription !== undefined && { description: answerDescription }),
    }),
    ...(problems.length > 0 ? [ApiProblemResponses(...problems)] : []),
  );
};

/**
 * A PUT that sets a value whole, whether it creates or replaces it (`PUT
 * /v1/approval-authorities/{sub}`): 200 with the write's answer either way.
 */
export const ReplacingEndpoint = (path: string, options: CommandEndpointOptions) => {
  const { answer = WriteResult, answerDescription } = options;
  return applyDecorators(
    Put(path),
    HttpCode(200),
    ...documented(options),
    ApiOkResponse({
      type: answer,
      ...(answerDescription !== undefined && { description: answerDescription }),
    }),
  );
};
