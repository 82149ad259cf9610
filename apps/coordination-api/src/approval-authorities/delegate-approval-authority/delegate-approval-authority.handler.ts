import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { officerKey, type DomainError } from '@multitrack/domain';
import type { CommandContext } from '../../command-handling/command-context';
import { StreamWriter } from '../../command-handling/stream-writer';
import { writtenOf, type Written } from '../../command-handling/written';
import type { DelegateApprovalAuthorityDto } from './delegate-approval-authority.dto';

export class DelegateApprovalAuthorityCommand extends Command<Written | DomainError> {
  constructor(
    readonly officer: string,
    readonly body: DelegateApprovalAuthorityDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/**
 * The officer lends its authority: recorded on its own stream (which decides, at every approval,
 * whether the loan still holds) and, in the same atomic append, on the delegate's (so that the
 * delegate's approvals know where to look).
 */
@CommandHandler(DelegateApprovalAuthorityCommand)
export class DelegateApprovalAuthorityHandler implements ICommandHandler<DelegateApprovalAuthorityCommand> {
  constructor(private readonly streams: StreamWriter) {}

  async execute({
    officer,
    body,
    context,
  }: DelegateApprovalAuthorityCommand): Promise<Written | DomainError> {
    const limit = body.limit?.toMoney();
    const outcome = await this.streams.decide(
      {
        category: 'authority',
        id: officer,
        creates: true,
        facts: (_, streams) => streams.read('authority', officerKey(body.to)),
        command: () => ({
          type: 'DelegateApprovalAuthority',
          data: { to: body.to, until: body.until, limit },
        }),
        alongside: (_, delegate) => [
          {
            read: delegate,
            command: {
              type: 'ReceiveApprovalAuthority',
              data: { officer: body.to, from: officer, until: body.until, limit },
            },
          },
        ],
      },
      context,
    );
    return writtenOf(officer, outcome);
  }
}
