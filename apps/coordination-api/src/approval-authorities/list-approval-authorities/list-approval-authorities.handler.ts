import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Database } from '@multitrack/database';
import { DATABASE } from '@multitrack/platform';
import { listApprovalAuthorities, type ApprovalAuthorityView, type PageOf } from '@multitrack/read-models';
import type { PageQuery } from '../../http/dto/page.query';

export class ListApprovalAuthoritiesQuery extends Query<PageOf<ApprovalAuthorityView>> {
  constructor(readonly query: PageQuery) {
    super();
  }
}

@QueryHandler(ListApprovalAuthoritiesQuery)
export class ListApprovalAuthoritiesHandler implements IQueryHandler<ListApprovalAuthoritiesQuery> {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  execute({ query: { limit, cursor } }: ListApprovalAuthoritiesQuery) {
    return listApprovalAuthorities(this.db, { limit, cursor });
  }
}
