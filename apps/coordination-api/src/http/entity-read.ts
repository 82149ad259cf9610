import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  Get,
  Injectable,
  NestInterceptor,
  UseInterceptors,
  type Type,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { Roles, type Role } from '@multitrack/auth';
import { ApiProblemResponses, ApiQueryResponses, type HttpReply } from '@multitrack/platform';
import { map, Observable } from 'rxjs';
import { etagOf } from './if-match';

/** Sets `ETag: "<revision>"` from the entity a read answers with, for `If-Match` on later writes. */
@Injectable()
export class ETagInterceptor implements NestInterceptor {
  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    const response = execution.switchToHttp().getResponse<HttpReply>();
    return next.handle().pipe(
      map((entity: unknown) => {
        const revision = (entity as { revision?: unknown } | null)?.revision;
        if (typeof revision === 'number') response.header('ETag', etagOf(revision));
        return entity;
      }),
    );
  }
}

/**
 * `GET …/:id` of one entity from its read model, with its revision as ETag; `?minRevision=` may
 * answer 503 while the read model catches up, and an entity the caller may not see is a 404.
 */
export const EntityReadEndpoint = (
  type: Type<unknown>,
  { roles, summary }: { roles: [Role, ...Role[]]; summary: string },
) =>
  applyDecorators(
    Get(':id'),
    Roles(...roles),
    UseInterceptors(ETagInterceptor),
    ApiOperation({ summary, description: '`?minRevision=N` waits up to 5 s for revision N, else 503.' }),
    ApiOkResponse({
      type,
      headers: { ETag: { description: 'The revision, e.g. `"3"`; send it back as If-Match' } },
    }),
    ApiQueryResponses(),
    ApiProblemResponses(503),
  );
