import { applyDecorators, Get, NotFoundException, type Type } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { Roles, type Role } from '@multitrack/auth';
import { ApiProblemResponses, ApiQueryResponses } from '@multitrack/platform';
import type { Response } from 'express';
import { etagOf } from './if-match';

/** `GET …/:id` of one entity from its read model: `?minRevision=` may answer 503 while it catches up. */
export const EntityReadEndpoint = (
  type: Type<unknown>,
  { roles, summary }: { roles: [Role, ...Role[]]; summary: string },
) =>
  applyDecorators(
    Get(':id'),
    Roles(...roles),
    ApiOperation({ summary }),
    ApiOkResponse({ type }),
    ApiQueryResponses(),
    ApiProblemResponses(503),
  );

/** The entity with its revision as ETag (for If-Match on writes); a 404 when there is none. */
export const withETag = <T extends { revision: number }>(
  response: Response,
  entity: T | null,
  missing: string,
): T => {
  if (!entity) throw new NotFoundException(missing);
  response.setHeader('ETag', etagOf(entity.revision));
  return entity;
};
