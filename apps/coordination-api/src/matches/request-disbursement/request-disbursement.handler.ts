import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isDomainError, type DomainError } from '@multitrack/domain';
import { newEntityId } from '../../command-handling/command-context';
import { StreamWriter } from '../../command-handling/stream-writer';
import { TransitionCommand } from '../../command-handling/transition';
import { DisbursementPolicies } from '../disbursement-policies';
import type { DisbursementWritten } from '../disbursement-write-result';
import { moneyFactsOf, onMatch } from '../match-stream';
import type { RequestDisbursementDto } from './request-disbursement.dto';

export class RequestDisbursementCommand extends TransitionCommand<RequestDisbursementDto> {}

/**
 * disbursed + pending ≤ committed holds under any number of concurrent callers: each tranche is
 * decided against the match stream's totals and appended at that revision; a caller that loses
 * the race is re-decided and then either fits or gets `match.over-disbursed` (422). Released at
 * once, or held for a second officer: the events of the decision say which. The four-eyes window
 * is the organisation's (decision 0211): a release without approval is also recorded on its
 * `window-` stream, at the revision this decision read it, so two releases to one organisation
 * through different matches cannot both slip under the threshold.
 */
@CommandHandler(RequestDisbursementCommand)
export class RequestDisbursementHandler implements ICommandHandler<RequestDisbursementCommand> {
  constructor(
    private readonly streams: StreamWriter,
    private readonly policies: DisbursementPolicies,
  ) {}

  async execute({
    id: matchId,
    body,
    context,
  }: RequestDisbursementCommand): Promise<DisbursementWritten | DomainError> {
    const disbursementId = newEntityId(context);
    const outcome = await this.streams.decide(
      {
        ...onMatch(matchId),
        facts: async (match, streams) => {
          const [money, window] = await Promise.all([
            moneyFactsOf(match, streams),
            streams.read('window', match.organizationId),
          ]);
          return { ...money, window };
        },
        command: (match, { window, ...facts }) => ({
          type: 'RequestDisbursement',
          data: {
            disbursementId,
            amount: body.amount.toMoney(),
            reference: body.reference,
            policy: this.policies.in(match.currency),
            ...facts,
            organizationReleases: window.state.status === 'none' ? [] : window.state.releases,
          },
        }),
        alongside: (match, { window }, events) => {
          const released = events.find((event) => event.type === 'FundsDisbursed');
          if (released?.type !== 'FundsDisbursed') return [];
          const release = {
            organizationId: match.organizationId,
            matchId,
            disbursementId,
            amount: body.amount.toMoney(),
            releasedAt: released.data.disbursedAt,
          };
          return [{ read: window, command: { type: 'RecordUnreviewedRelease', data: release } }];
        },
      },
      context,
    );
    if (isDomainError(outcome)) return outcome;
    const released = outcome.events.some((event) => event.type === 'FundsDisbursed');
    const { revision, position } = outcome;
    return {
      id: disbursementId,
      matchId,
      status: released ? 'disbursed' : 'pending_approval',
      revision,
      position,
    };
  }
}
