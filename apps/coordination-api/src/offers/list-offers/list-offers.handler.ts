import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Actor } from '@multitrack/auth';
import type { Database } from '@multitrack/database';
import { visibleOrganizationOf } from '@multitrack/domain';
import { DATABASE } from '@multitrack/platform';
import { listOffers, type OfferView, type PageOf } from '@multitrack/read-models';
import type { ListOffersQueryDto } from './list-offers.dto';

export class ListOffersQuery extends Query<PageOf<OfferView>> {
  constructor(
    readonly query: ListOffersQueryDto,
    readonly actor: Actor,
  ) {
    super();
  }
}

/** An NGO's work queue: its own offers only, whatever it filters on; officers and auditors see all. */
@QueryHandler(ListOffersQuery)
export class ListOffersHandler implements IQueryHandler<ListOffersQuery> {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  execute({ query: { requestId, organizationId, status, limit, cursor }, actor }: ListOffersQuery) {
    return listOffers(
      this.db,
      { requestId, organizationId, status, visibleOrganizationId: visibleOrganizationOf(actor) },
      { limit, cursor },
    );
  }
}
