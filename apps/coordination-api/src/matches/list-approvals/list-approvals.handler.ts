import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Actor } from '@multitrack/auth';
import type { Database } from '@multitrack/database';
import { DATABASE } from '@multitrack/platform';
import { listPendingApprovals, type ApprovalView, type PageOf } from '@multitrack/read-models';
import type { PageQuery } from '../../http/dto/page.query';

export class ListApprovalsQuery extends Query<PageOf<ApprovalView>> {
  constructor(
    readonly query: PageQuery,
    readonly actor: Actor,
  ) {
    super();
  }
}

/** An officer's queue: the waiting tranches it may approve, never those it requested itself. */
@QueryHandler(ListApprovalsQuery)
export class ListApprovalsHandler implements IQueryHandler<ListApprovalsQuery> {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  execute({ query: { limit, cursor }, actor }: ListApprovalsQuery) {
    return listPendingApprovals(this.db, actor.sub, { limit, cursor });
  }
}
