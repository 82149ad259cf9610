import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { findDisbursement, isDomainError, type DomainError } from '@multitrack/domain';
import { authorityToRelyOnFor, type Reliance } from '../../approval-authorities/authority-to-rely-on';
import type { CommandContext } from '../../command-handling/command-context';
import { StreamWriter } from '../../command-handling/stream-writer';
import { DisbursementPolicies } from '../disbursement-policies';
import type { DisbursementWritten } from '../disbursement-write-result';
import { moneyFactsOf, onMatch } from '../match-stream';

export class ApproveDisbursementCommand extends Command<DisbursementWritten | DomainError> {
  constructor(
    readonly matchId: string,
    readonly disbursementId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/**
 * Four eyes: the domain refuses the requester's own approval (`disbursement.self-approval`, 422).
 * Under DISBURSEMENT_APPROVAL_AUTHORITY=recorded the approval also exercises an authority that
 * covers the tranche (`approval.beyond-authority` otherwise), on that authority's stream in the
 * same atomic append as the match (decision 0210); the approval records which one it relied on.
 */
@CommandHandler(ApproveDisbursementCommand)
export class ApproveDisbursementHandler implements ICommandHandler<ApproveDisbursementCommand> {
  constructor(
    private readonly streams: StreamWriter,
    private readonly policies: DisbursementPolicies,
  ) {}

  async execute({
    matchId,
    disbursementId,
    context,
  }: ApproveDisbursementCommand): Promise<DisbursementWritten | DomainError> {
    const outcome = await this.streams.decide(
      {
        ...onMatch(matchId),
        facts: async (match, streams) => {
          const { organization } = await moneyFactsOf(match, streams);
          const tranche = findDisbursement(match, disbursementId);
          if (this.policies.authority === 'any-officer' || !tranche)
            return { organization, reliance: undefined as Reliance | undefined };
          const reliance = await authorityToRelyOnFor(
            streams,
            context.actor.sub,
            tranche.amount,
            context.now,
          );
          return { organization, reliance };
        },
        command: (_, { organization, reliance }) => ({
          type: 'ApproveDisbursement',
          data: {
            disbursementId,
            organization,
            authority: reliance ? reliance.basis : { basis: 'any-officer' },
          },
        }),
        alongside: (match, { reliance }) => {
          const tranche = findDisbursement(match, disbursementId);
          if (!reliance || !tranche) return [];
          return [
            {
              read: reliance.read,
              command: {
                type: 'ExerciseApprovalAuthority',
                data: { matchId, disbursementId, amount: tranche.amount },
              },
            },
          ];
        },
      },
      context,
    );
    if (isDomainError(outcome)) return outcome;
    return {
      id: disbursementId,
      matchId,
      status: 'disbursed',
      revision: outcome.revision,
      position: outcome.position,
    };
  }
}
