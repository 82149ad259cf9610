import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { rule, type DomainError } from '@multitrack/domain';
import { newEntityId, type CommandContext } from '../../command-handling/command-context';
import type { StreamReader } from '../../command-handling/stream-reader';
import { StreamWriter } from '../../command-handling/stream-writer';
import { writtenOf, type Written } from '../../command-handling/written';
import type { MakeMatchDto } from './make-match.dto';

export class MakeMatchCommand extends Command<Written | DomainError> {
  constructor(
    readonly body: MakeMatchDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** The streams a match decides on, as they are now. */
const factsOfMatch = async (requestId: string, offerId: string, streams: StreamReader) => {
  const request = await streams.read('request', requestId);
  if (request.state.status === 'none') return rule('request.not-found', `no request ${requestId}`);
  const offer = await streams.read('offer', offerId);
  if (offer.state.status === 'none') return rule('offer.not-found', `no offer ${offerId}`);
  const organization = await streams.read('organization', offer.state.organizationId);
  // The request names every offer it received (decision 0080): the ones still waiting are declined.
  const others = await Promise.all(
    request.state.receivedOfferIds.filter((id) => id !== offerId).map((id) => streams.read('offer', id)),
  );
  return {
    request: { ...request, state: request.state },
    offer: { ...offer, state: offer.state },
    organization: organization.state,
    waiting: others.filter((other) => other.state.status === 'submitted'),
  };
};

/**
 * A match writes every stream it changes in one atomic append: `MatchMade`, `RequestMatched` on
 * the request, `OfferAccepted` on the offer and `OfferDeclined` on the request's other waiting
 * offers, each at the revision it was decided against. Of two concurrent matches for one request,
 * or a match racing the offer's withdrawal, one is re-decided against the other's events; a refused
 * match leaves no trace anywhere (decision 0092).
 */
@CommandHandler(MakeMatchCommand)
export class MakeMatchHandler implements ICommandHandler<MakeMatchCommand> {
  constructor(private readonly streams: StreamWriter) {}

  async execute({
    body: { requestId, offerId, keepRequestOpen = false, reportBetweenTranches = false },
    context,
  }: MakeMatchCommand): Promise<Written | DomainError> {
    const matchId = newEntityId(context);
    const outcome = await this.streams.decide(
      {
        category: 'match',
        id: matchId,
        creates: true,
        facts: (_, streams) => factsOfMatch(requestId, offerId, streams),
        command: (_, { request, offer, organization }) => ({
          type: 'MakeMatch',
          data: {
            matchId,
            requestId,
            offerId,
            organizationId: offer.state.organizationId,
            request: {
              status: request.state.status,
              budget: request.state.budget,
              matchIds: request.state.matchIds,
            },
            offer: {
              status: offer.state.status,
              requestId: offer.state.requestId,
              amount: offer.state.amount,
              kind: offer.state.kind,
              matchId: offer.state.matchId,
            },
            organization: { status: organization.status },
            reportBetweenTranches,
          },
        }),
        alongside: (_, { request, offer, waiting }) => [
          {
            read: request,
            command: { type: 'MarkRequestMatched', data: { matchId, offerId, keepOpen: keepRequestOpen } },
          },
          { read: offer, command: { type: 'AcceptOffer', data: { matchId } } },
          // Kept open for more partners, the other offers stay submitted (decision 0182).
          ...(keepRequestOpen ? [] : waiting).map((other) => ({
            read: other,
            command: { type: 'DeclineOffer' as const, data: { matchId } },
          })),
        ],
      },
      context,
    );
    return writtenOf(matchId, outcome);
  }
}
