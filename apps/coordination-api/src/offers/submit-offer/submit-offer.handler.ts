import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  foldEvents,
  offerDecider,
  organizationDecider,
  requestDecider,
  rule,
  streamIdOf,
  type DomainError,
  type OfferSubmission,
  type RequestCommand,
  type RequestState,
  type SubmitOffer,
} from '@multitrack/domain';
import type { EventStore } from '@multitrack/event-store';
import { EVENT_STORE } from '@multitrack/platform';
import { commandMetadataOf } from '../../command-handling/command-context';
import { decideAndAppend } from '../../command-handling/decide-and-append';
import { entityIdFor } from '../../command-handling/entity-id';
import { writeToEntity } from '../../command-handling/write-to-entity';
import type { HttpCommandContext } from '../../http/command-context.decorator';
import { isDomainError, moneyOf } from '../../http/dto/wire-money';
import type { WriteResult } from '../../http/write-result';
import type { SubmitOfferDto } from './submit-offer.dto';

export class SubmitOfferCommand extends Command<WriteResult | DomainError> {
  constructor(
    readonly requestId: string,
    readonly body: SubmitOfferDto,
    readonly context: HttpCommandContext,
  ) {
    super();
  }
}

/**
 * An offer touches two streams. The request stream first records `OfferReceived` at its expected
 * revision, so an offer racing a match cannot both win: whichever appends second is re-decided
 * against the other's event and refused (`request.not-open`) or, for the match, sees the offer.
 * The offer is decided against the same fresh request state before anything is appended, so a
 * refused offer leaves no trace on the request. Only then is the offer stream written.
 */
@CommandHandler(SubmitOfferCommand)
export class SubmitOfferHandler implements ICommandHandler<SubmitOfferCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ requestId, body, context }: SubmitOfferCommand): Promise<WriteResult | DomainError> {
    const amount = moneyOf(body.amount);
    if (isDomainError(amount)) return amount;
    const organizationId = context.actor.organizationId;
    if (!organizationId) return rule('offer.not-yours', 'an offer is made by an NGO user of an organisation');
    const offerId = entityIdFor({ sub: context.actor.sub, route: context.route, idempotencyKey: context.idempotencyKey });
    const submission: OfferSubmission = { offerId, requestId, organizationId, amount, ...pick(body) };
    const organization = foldEvents(organizationDecider, await this.store.readStream(streamIdOf('organization', organizationId)));

    const submit = (request: RequestState): SubmitOffer => ({
      type: 'SubmitOffer',
      data: {
        ...submission,
        request: request.status === 'none' ? { status: 'none', currency: amount.currency } : { status: request.status, currency: request.budget.currency },
        organization: { status: organization.status },
      },
      metadata: commandMetadataOf(context),
    });

    const received = await decideAndAppend({
      store: this.store,
      streamId: streamIdOf('request', requestId),
      decider: requestDecider,
      context,
      command: (request): RequestCommand | DomainError => {
        if (request.status === 'none') return rule('request.not-found', `no help request ${requestId}`);
        // A retry of an offer the request already holds goes straight on to the offer stream.
        if (!request.receivedOfferIds.includes(offerId)) {
          const refused = offerDecider.decide(submit(request), offerDecider.initialState);
          if (isDomainError(refused)) return refused;
        }
        return { type: 'RecordOffer', data: { offerId, organizationId }, metadata: commandMetadataOf(context) };
      },
    });
    if (isDomainError(received)) return received;
    return writeToEntity(offerDecider, {
      store: this.store,
      category: 'offer',
      id: offerId,
      context,
      creates: true,
      command: () => submit(received.state),
    });
  }
}

const pick = ({ summary, startDate, endDate }: SubmitOfferDto) => ({ summary, startDate, endDate });
