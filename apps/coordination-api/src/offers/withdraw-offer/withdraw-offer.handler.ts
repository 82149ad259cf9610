import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { offerDecider, rule, type DomainError } from '@multitrack/domain';
import type { EventStore } from '@multitrack/event-store';
import { EVENT_STORE } from '@multitrack/platform';
import { EntityTransition } from '../../command-handling/entity-transition';
import { writeToEntity } from '../../command-handling/write-to-entity';
import type { WriteResult } from '../../http/write-result';
import type { WithdrawOfferDto } from './withdraw-offer.dto';

export class WithdrawOfferCommand extends EntityTransition<WithdrawOfferDto> {}

@CommandHandler(WithdrawOfferCommand)
export class WithdrawOfferHandler implements ICommandHandler<WithdrawOfferCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ id: offerId, body, context, ifMatch }: WithdrawOfferCommand): Promise<WriteResult | DomainError> {
    return writeToEntity(offerDecider, {
      store: this.store,
      category: 'offer',
      id: offerId,
      context,
      ifMatch,
      command: (offer) =>
        // Another NGO's offer does not exist as far as this caller can tell (as on GET: 404).
        offer.status !== 'none' && offer.organizationId !== context.actor.organizationId
          ? rule('offer.not-found', `no offer ${offerId}`)
          : { type: 'WithdrawOffer', data: { reason: body.reason } },
    });
  }
}
