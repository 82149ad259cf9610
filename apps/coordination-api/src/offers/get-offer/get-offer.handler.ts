import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Actor } from '@multitrack/auth';
import type { Database } from '@multitrack/database';
import { foldEvents, offerDecider, streamIdOf } from '@multitrack/domain';
import type { EventStore } from '@multitrack/event-store';
import { DATABASE, EVENT_STORE } from '@multitrack/platform';
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
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ id, actor, minRevision }: GetOfferQuery): Promise<OfferView | null> {
    const own = ownOrganizationOf(actor);
    const visible = (offer: OfferView | null) => (offer && (own === undefined || offer.organizationId === own) ? offer : null);
    // An NGO's wait is only for its own offers, judged on the log (the truth, unlike a lagging read
    // model): another organisation's offer and a missing one both answer 404 at once, alike.
    if (minRevision !== undefined && own !== undefined && (await this.ownerInLog(id)) !== own) return null;
    await awaitRevision(this.db, offersReadModel, id, minRevision);
    return visible(await findOffer(this.db, id));
  }

  private async ownerInLog(offerId: string): Promise<string | undefined> {
    const offer = foldEvents(offerDecider, await this.store.readStream(streamIdOf('offer', offerId), { maxCount: 1 }));
    return offer.status === 'none' ? undefined : offer.organizationId;
  }
}
