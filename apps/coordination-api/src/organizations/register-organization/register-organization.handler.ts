import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  organizationDecider,
  rule,
  type DomainError,
  type RegisterOrganization,
} from '@multitrack/domain';
import type { EventStore } from '@multitrack/event-store';
import { EVENT_STORE, PERSONAL_DATA_VAULT } from '@multitrack/platform';
import type { PersonalDataVault } from '@multitrack/personal-data';
import { writeToEntity } from '../../command-handling/write-to-entity';
import type { HttpCommandContext } from '../../http/command-context.decorator';
import type { WriteResult } from '../../http/write-result';
import type { RegisterOrganizationDto } from './register-organization.dto';

export class RegisterOrganizationCommand extends Command<WriteResult | DomainError> {
  constructor(
    readonly body: RegisterOrganizationDto,
    readonly context: HttpCommandContext,
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
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
  ) {}

  execute({ body, context }: RegisterOrganizationCommand): Promise<WriteResult | DomainError> {
    return writeToEntity(organizationDecider, {
      store: this.store,
      category: 'organization',
      id: body.id,
      context,
      creates: true,
      command: async (state): Promise<Pick<RegisterOrganization, 'type' | 'data'> | DomainError> => {
        // Checked before encrypting: an erased organisation's key must not be asked for again.
        if (state.status !== 'none') return rule('organization.already-registered', `${body.id} exists`);
        const contactEmail = await this.vault.encrypt(body.id, body.contactEmail);
        const { id: organizationId, name, country, tracks } = body;
        return { type: 'RegisterOrganization', data: { organizationId, name, country, tracks, contactEmail } };
      },
    });
  }
}
