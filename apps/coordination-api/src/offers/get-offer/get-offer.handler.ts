import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Actor } from '@multitrack/auth';
import type { Database } from '@multitrack/database';
import { DATABASE } from '@multitrack/platform';
import { findOffer, offersReadModel, type OfferView } from '@multitrack/read-models';
import { awaitRevision } from '../../http/read-your-writes';
import { ownOrganizationOf } from '../offer.view';

export class GetOfferQuery extends Query<OfferView | null> {
  constructor(
    readonly id: string,
    readonly actor: Actor,
    readonly minRevision?: number,
  ) {
    super();
  }
}

/** Another NGO's offer reads as absent: its existence must not leak. */
@QueryHandler(GetOfferQuery)
export class GetOfferHandler implements IQueryHandler<GetOfferQuery> {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async execute({ id, actor, minRevision }: GetOfferQuery): Promise<OfferView | null> {
    const own = ownOrganizationOf(actor);
    const visible = (offer: OfferView | null) => (offer && (own === undefined || offer.organizationId === own) ? offer : null);
    // Checked before waiting too, so another NGO cannot time the wait to learn the offer exists.
    if (minRevision !== undefined && own !== undefined && !visible(await findOffer(this.db, id))) return null;
    await awaitRevision(this.db, offersReadModel, id, minRevision);
    return visible(await findOffer(this.db, id));
  }
}
