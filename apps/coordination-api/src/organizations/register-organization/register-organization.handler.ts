import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { rule, type DomainError } from '@multitrack/domain';
import { PERSONAL_DATA_VAULT } from '@multitrack/platform';
import type { PersonalDataVault } from '@multitrack/personal-data';
import type { CommandContext } from '../../command-handling/command-context';
import { StreamWriter } from '../../command-handling/stream-writer';
import { writtenOf, type Written } from '../../command-handling/written';
import type { RegisterOrganizationDto } from './register-organization.dto';

export class RegisterOrganizationCommand extends Command<Written | DomainError> {
  constructor(
    readonly body: RegisterOrganizationDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/**
 * The contact e-mail is encrypted under the organisation's own key (subject = organisation id)
 * before it goes anywhere near the log, so erasure can later destroy it by destroying the key.
 */
@CommandHandler(RegisterOrganizationCommand)
export class RegisterOrganizationHandler implements ICommandHandler<RegisterOrganizationCommand> {
  constructor(
    private readonly streams: StreamWriter,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
  ) {}

  async execute({ body, context }: RegisterOrganizationCommand): Promise<Written | DomainError> {
    const { id: organizationId, name, country, tracks } = body;
    const outcome = await this.streams.decide(
      {
        category: 'organization',
        id: organizationId,
        creates: true,
        command: async (organization) => {
          // Checked before encrypting: an erased organisation's key must not be asked for again.
          if (organization.status !== 'none')
            return rule('organization.already-registered', `${organizationId} exists`);
          const contactEmail = await this.vault.encrypt(organizationId, body.contactEmail);
          return {
            type: 'RegisterOrganization',
            data: { organizationId, name, country, tracks, contactEmail },
          };
        },
      },
      context,
    );
    return writtenOf(organizationId, outcome);
  }
}
