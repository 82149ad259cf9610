import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { ReinstateOrganization } from '@multitrack/domain';
import type { EventStore } from '@multitrack/event-store';
import { EVENT_STORE } from '@multitrack/platform';
import { EntityTransition } from '../../command-handling/entity-transition';
import { changeOrganization } from '../organization-stream';
import type { ReinstateOrganizationDto } from './reinstate-organization.dto';

export class ReinstateOrganizationCommand extends EntityTransition<ReinstateOrganizationDto> {}

@CommandHandler(ReinstateOrganizationCommand)
export class ReinstateOrganizationHandler implements ICommandHandler<ReinstateOrganizationCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ body, ...transition }: ReinstateOrganizationCommand) {
    return changeOrganization<ReinstateOrganization>(this.store, transition, 'ReinstateOrganization', () => ({ reason: body.reason }));
  }
}
