import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Actor } from '@multitrack/auth';
import type { Database } from '@multitrack/database';
import { rule, visibleOrganizationOf, type DomainError } from '@multitrack/domain';
import { DATABASE } from '@multitrack/platform';
import { findRequest, listOffersForRequest, type OfferView, type PageOf } from '@multitrack/read-models';
import type { ListRequestOffersQueryDto } from './list-request-offers.dto';

export class ListRequestOffersQuery extends Query<PageOf<OfferView> | DomainError> {
  constructor(
    readonly requestId: string,
    readonly query: ListRequestOffersQueryDto,
    readonly actor: Actor,
  ) {
    super();
  }
}

/** Officers and auditors see every offer on the request; an NGO only its own organisation's. */
@QueryHandler(ListRequestOffersQuery)
export class ListRequestOffersHandler implements IQueryHandler<ListRequestOffersQuery> {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async execute({
    requestId,
    query,
    actor,
  }: ListRequestOffersQuery): Promise<PageOf<OfferView> | DomainError> {
    if (!(await findRequest(this.db, requestId)))
      return rule('request.not-found', `no help request ${requestId}`);
    const { status, limit, cursor } = query;
    return listOffersForRequest(
      this.db,
      requestId,
      { organizationId: visibleOrganizationOf(actor), status },
      { limit, cursor },
    );
  }
}
