import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Database } from '@multitrack/database';
import { DATABASE } from '@multitrack/platform';
import { listRequests, type PageOf, type RequestView } from '@multitrack/read-models';
import type { ListRequestsQueryDto } from './list-requests.dto';

export class ListRequestsQuery extends Query<PageOf<RequestView>> {
  constructor(readonly query: ListRequestsQueryDto) {
    super();
  }
}

@QueryHandler(ListRequestsQuery)
export class ListRequestsHandler implements IQueryHandler<ListRequestsQuery> {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  execute({ query }: ListRequestsQuery): Promise<PageOf<RequestView>> {
    const { status, track, country, limit, cursor } = query;
    return listRequests(this.db, { status, track, country }, { limit, cursor });
  }
}
