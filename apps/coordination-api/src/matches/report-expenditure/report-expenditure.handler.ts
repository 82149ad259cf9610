import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { Money } from '@multitrack/domain';
import type { EventStore } from '@multitrack/event-store';
import { EVENT_STORE, throwIfDomainError } from '@multitrack/platform';
import { commandMetadataOf, type CommandContext } from '../../command-handling/command-context';
import { writeResultOf, type WriteResult } from '../../http/write-result';
import { decideOnMatch } from '../shared/decide-on-match';

export class ReportExpenditure extends Command<WriteResult> {
  constructor(
    readonly matchId: string,
    readonly report: { amount: Money; description: string; period: { from: string; to: string } },
    readonly context: CommandContext,
    readonly ifMatch?: number,
  ) {
    super();
  }
}

@CommandHandler(ReportExpenditure)
export class ReportExpenditureHandler implements ICommandHandler<ReportExpenditure> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ matchId, report, context, ifMatch }: ReportExpenditure): Promise<WriteResult> {
    const decision = await decideOnMatch({
      store: this.store,
      matchId,
      context,
      ifMatch,
      command: () => ({ type: 'ReportExpenditure', data: report, metadata: commandMetadataOf(context) }),
    });
    return writeResultOf(matchId, throwIfDomainError(decision));
  }
}
