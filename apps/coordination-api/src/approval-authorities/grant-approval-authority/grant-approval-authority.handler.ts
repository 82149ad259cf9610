import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { DomainError } from '@multitrack/domain';
import type { CommandContext } from '../../command-handling/command-context';
import { StreamWriter } from '../../command-handling/stream-writer';
import { writtenOf, type Written } from '../../command-handling/written';
import type { GrantApprovalAuthorityDto } from './grant-approval-authority.dto';

export class GrantApprovalAuthorityCommand extends Command<Written | DomainError> {
  constructor(
    readonly officer: string,
    readonly sub: string,
    readonly body: GrantApprovalAuthorityDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Grants, or replaces, the officer's limit in one currency (`ApprovalAuthorityGranted`/`…Replaced`). */
@CommandHandler(GrantApprovalAuthorityCommand)
export class GrantApprovalAuthorityHandler implements ICommandHandler<GrantApprovalAuthorityCommand> {
  constructor(private readonly streams: StreamWriter) {}

  async execute({
    officer,
    sub,
    body,
    context,
  }: GrantApprovalAuthorityCommand): Promise<Written | DomainError> {
    const outcome = await this.streams.decide(
      {
        category: 'authority',
        id: officer,
        creates: true,
        command: () => ({
          type: 'GrantApprovalAuthority',
          data: { officer: sub, limit: body.limit.toMoney(), validUntil: body.validUntil },
        }),
      },
      context,
    );
    return writtenOf(officer, outcome);
  }
}
