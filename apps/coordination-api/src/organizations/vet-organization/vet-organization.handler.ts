import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { VetOrganization } from '@multitrack/domain';
import type { EventStore } from '@multitrack/event-store';
import { EVENT_STORE } from '@multitrack/platform';
import { EntityTransition } from '../../command-handling/entity-transition';
import { changeOrganization } from '../organization-stream';
import type { VetOrganizationDto } from './vet-organization.dto';

export class VetOrganizationCommand extends EntityTransition<VetOrganizationDto> {}

@CommandHandler(VetOrganizationCommand)
export class VetOrganizationHandler implements ICommandHandler<VetOrganizationCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ body, ...transition }: VetOrganizationCommand) {
    return changeOrganization<VetOrganization>(this.store, transition, 'VetOrganization', () => ({
      decision: body.decision,
      note: body.note,
    }));
  }
}
