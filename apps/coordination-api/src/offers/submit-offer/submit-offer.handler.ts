import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { rule, type DomainError } from '@multitrack/domain';
import { newEntityId, type CommandContext } from '../../command-handling/command-context';
import { StreamWriter } from '../../command-handling/stream-writer';
import { writtenOf, type Written } from '../../command-handling/written';
import type { SubmitOfferDto } from './submit-offer.dto';

export class SubmitOfferCommand extends Command<Written | DomainError> {
  constructor(
    readonly requestId: string,
    readonly body: SubmitOfferDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/**
 * An offer writes two streams at once: `OfferSubmitted` on its own, and `OfferReceived` on the
 * request at the revision it was decided against, so an offer racing a match (or the request's
 * closing) cannot both win: whichever comes second is re-decided against the other's event.
 * Both are appended or neither (decision 0080).
 */
@CommandHandler(SubmitOfferCommand)
export class SubmitOfferHandler implements ICommandHandler<SubmitOfferCommand> {
  constructor(private readonly streams: StreamWriter) {}

  async execute({ requestId, body, context }: SubmitOfferCommand): Promise<Written | DomainError> {
    const organizationId = context.actor.organizationId;
    if (!organizationId) return rule('offer.not-yours', 'an offer is made by an NGO user of an organisation');
    const offerId = newEntityId(context);
    const { summary, startDate, endDate, kind = 'funding' } = body;
    const amount = body.amount?.toMoney();
    const outcome = await this.streams.decide(
      {
        category: 'offer',
        id: offerId,
        creates: true,
        facts: async (_, streams) => {
          const request = await streams.read('request', requestId);
          if (request.state.status === 'none')
            return rule('request.not-found', `no help request ${requestId}`);
          return { request, organization: (await streams.read('organization', organizationId)).state };
        },
        command: (_, { request, organization }) => ({
          type: 'SubmitOffer',
          data: {
            ...{ offerId, requestId, organizationId, summary, kind, startDate, endDate },
            ...(amount && { amount }),
            request: {
              status: request.state.status,
              currency: request.state.status === 'none' ? '' : request.state.budget.currency,
            },
            organization: { status: organization.status },
          },
        }),
        alongside: (_, { request }) => [
          { read: request, command: { type: 'RecordOffer', data: { offerId, organizationId } } },
        ],
      },
      context,
    );
    return writtenOf(offerId, outcome);
  }
}
