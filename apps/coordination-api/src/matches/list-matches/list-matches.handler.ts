import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Actor } from '@multitrack/auth';
import type { Database } from '@multitrack/database';
import { visibleOrganizationOf } from '@multitrack/domain';
import { DATABASE } from '@multitrack/platform';
import { listMatches, type MatchView, type PageOf } from '@multitrack/read-models';
import type { ListMatchesQueryDto } from './list-matches.dto';

export class ListMatchesQuery extends Query<PageOf<MatchView>> {
  constructor(
    readonly query: ListMatchesQueryDto,
    readonly actor: Actor,
  ) {
    super();
  }
}

/** The same visibility as `GET /v1/matches/{id}`: an NGO lists its own matches only. */
@QueryHandler(ListMatchesQuery)
export class ListMatchesHandler implements IQueryHandler<ListMatchesQuery> {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  execute({ query: { requestId, organizationId, status, limit, cursor }, actor }: ListMatchesQuery) {
    return listMatches(
      this.db,
      { requestId, organizationId, status, visibleOrganizationId: visibleOrganizationOf(actor) },
      { limit, cursor },
    );
  }
}
