import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Database } from '@multitrack/database';
import { rule, type DomainError } from '@multitrack/domain';
import { DATABASE } from '@multitrack/platform';
import { findRequest, requestsReadModel, type RequestView } from '@multitrack/read-models';
import { awaitRevision } from '../../http/read-your-writes';

export class GetRequestQuery extends Query<RequestView | DomainError> {
  constructor(
    readonly id: string,
    readonly minRevision?: number,
  ) {
    super();
  }
}

@QueryHandler(GetRequestQuery)
export class GetRequestHandler implements IQueryHandler<GetRequestQuery> {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async execute({ id, minRevision }: GetRequestQuery): Promise<RequestView | DomainError> {
    await awaitRevision(this.db, requestsReadModel, id, minRevision);
    return (await findRequest(this.db, id)) ?? rule('request.not-found', `no help request ${id}`);
  }
}
