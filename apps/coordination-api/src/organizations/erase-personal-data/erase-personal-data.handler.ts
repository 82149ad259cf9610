import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import type { Organization } from '@multitrack/domain';
import { PERSONAL_DATA_VAULT } from '@multitrack/platform';
import type { PersonalDataVault } from '@multitrack/personal-data';
import { StreamWriter } from '../../command-handling/stream-writer';
import { TransitionCommand } from '../../command-handling/transition';
import type { ReasonDto } from '../../http/dto/reason.dto';
import { OrganizationTransition } from '../organization-transition';

export class ErasePersonalDataCommand extends TransitionCommand<ReasonDto> {}

/**
 * The key is destroyed BEFORE `PersonalDataErased` is appended: a crash in between leaves the data
 * unreadable and a retry records the erasure, whereas the other order could record an erasure
 * whose key survives, and the retry would then be refused as already erased.
 */
@CommandHandler(ErasePersonalDataCommand)
export class ErasePersonalDataHandler extends OrganizationTransition<ErasePersonalDataCommand> {
  constructor(
    streams: StreamWriter,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
  ) {
    super(streams);
  }

  protected async command({ id, body }: ErasePersonalDataCommand, organization: Organization) {
    if (!organization.personalDataErased) await this.vault.erase(id);
    return { type: 'ErasePersonalData', data: { reason: body.reason } } as const;
  }
}
