import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { DomainError } from '@multitrack/domain';
import type { CommandContext } from '../../command-handling/command-context';
import { StreamWriter } from '../../command-handling/stream-writer';
import { writtenOf, type Written } from '../../command-handling/written';

export class RevokeApprovalAuthorityCommand extends Command<Written | DomainError> {
  constructor(
    readonly officer: string,
    readonly currency: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/**
 * Revokes the officer's limit in one currency, and with it what it lent there. An approval that
 * read the authority before the revocation clashes with it on the authority stream and is decided
 * again (decision 0210): none after the revocation's position relies on it.
 */
@CommandHandler(RevokeApprovalAuthorityCommand)
export class RevokeApprovalAuthorityHandler implements ICommandHandler<RevokeApprovalAuthorityCommand> {
  constructor(private readonly streams: StreamWriter) {}

  async execute({
    officer,
    currency,
    context,
  }: RevokeApprovalAuthorityCommand): Promise<Written | DomainError> {
    const outcome = await this.streams.decide(
      {
        category: 'authority',
        id: officer,
        command: () => ({ type: 'RevokeApprovalAuthority', data: { currency } }),
      },
      context,
    );
    return writtenOf(officer, outcome);
  }
}
