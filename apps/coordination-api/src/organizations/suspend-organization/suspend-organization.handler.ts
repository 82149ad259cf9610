import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { SuspendOrganization } from '@multitrack/domain';
import type { EventStore } from '@multitrack/event-store';
import { EVENT_STORE } from '@multitrack/platform';
import { EntityTransition } from '../../command-handling/entity-transition';
import { changeOrganization } from '../organization-stream';
import type { SuspendOrganizationDto } from './suspend-organization.dto';

export class SuspendOrganizationCommand extends EntityTransition<SuspendOrganizationDto> {}

@CommandHandler(SuspendOrganizationCommand)
export class SuspendOrganizationHandler implements ICommandHandler<SuspendOrganizationCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ body, ...transition }: SuspendOrganizationCommand) {
    return changeOrganization<SuspendOrganization>(this.store, transition, 'SuspendOrganization', () => ({ reason: body.reason }));
  }
}
