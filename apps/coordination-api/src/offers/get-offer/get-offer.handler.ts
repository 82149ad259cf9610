import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Actor } from '@multitrack/auth';
import type { Database } from '@multitrack/database';
import {
  foldEvents,
  offerDecider,
  rule,
  seesOrganization,
  streamIdOf,
  type DomainError,
} from '@multitrack/domain';
import type { EventStore } from '@multitrack/event-store';
import { DATABASE, EVENT_STORE } from '@multitrack/platform';
import { findOffer, offersReadModel, type OfferView } from '@multitrack/read-models';
import { awaitRevision } from '../../http/read-your-writes';

export class GetOfferQuery extends Query<OfferView | DomainError> {
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
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ id, actor, minRevision }: GetOfferQuery): Promise<OfferView | DomainError> {
    const missing = rule('offer.not-found', `no offer ${id}`);
    // A wait is only for an offer the caller may see, judged on the log (the truth, unlike a lagging
    // read model): another organisation's offer and a missing one both answer 404 at once, alike.
    if (minRevision !== undefined && !(await this.seenInLog(id, actor))) return missing;
    await awaitRevision(this.db, offersReadModel, id, minRevision);
    const offer = await findOffer(this.db, id);
    return offer && seesOrganization(actor, offer.organizationId) ? offer : missing;
  }

  private async seenInLog(offerId: string, actor: Actor): Promise<boolean> {
    const offer = foldEvents(
      offerDecider,
      await this.store.readStream(streamIdOf('offer', offerId), { maxCount: 1 }),
    );
    return offer.status !== 'none' && seesOrganization(actor, offer.organizationId);
  }
}
