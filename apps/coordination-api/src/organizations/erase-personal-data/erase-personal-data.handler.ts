import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { ErasePersonalData } from '@multitrack/domain';
import type { EventStore } from '@multitrack/event-store';
import { EVENT_STORE, PERSONAL_DATA_VAULT } from '@multitrack/platform';
import type { PersonalDataVault } from '@multitrack/personal-data';
import { EntityTransition } from '../../command-handling/entity-transition';
import { changeOrganization } from '../organization-stream';
import type { ErasePersonalDataDto } from './erase-personal-data.dto';

export class ErasePersonalDataCommand extends EntityTransition<ErasePersonalDataDto> {}

/**
 * The key is destroyed BEFORE `PersonalDataErased` is appended: a crash in between leaves the data
 * unreadable and a retry records the erasure, whereas the other order could record an erasure
 * whose key survives, and the retry would then be refused as already erased.
 */
@CommandHandler(ErasePersonalDataCommand)
export class ErasePersonalDataHandler implements ICommandHandler<ErasePersonalDataCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
  ) {}

  execute({ body, ...transition }: ErasePersonalDataCommand) {
    return changeOrganization<ErasePersonalData>(this.store, transition, 'ErasePersonalData', async (state) => {
      // Only an organisation that exists has a key to destroy; the decider refuses the rest.
      if (state.status !== 'none' && !state.personalDataErased) await this.vault.erase(transition.id);
      return { reason: body.reason };
    });
  }
}
