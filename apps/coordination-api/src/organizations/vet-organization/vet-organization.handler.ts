import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { DomainError, VetOrganization } from '@multitrack/domain';
import type { EventStore } from '@multitrack/event-store';
import { EVENT_STORE } from '@multitrack/platform';
import type { HttpCommandContext } from '../../http/command-context.decorator';
import type { WriteResult } from '../../http/write-result';
import { changeOrganization } from '../organization-stream';
import type { VetOrganizationDto } from './vet-organization.dto';

export class VetOrganizationCommand extends Command<WriteResult | DomainError> {
  constructor(
    readonly organizationId: string,
    readonly body: VetOrganizationDto,
    readonly context: HttpCommandContext,
    readonly ifMatch?: number,
  ) {
    super();
  }
}

@CommandHandler(VetOrganizationCommand)
export class VetOrganizationHandler implements ICommandHandler<VetOrganizationCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ body, ...request }: VetOrganizationCommand) {
    return changeOrganization<VetOrganization>(this.store, request, 'VetOrganization', () => ({
      decision: body.decision,
      note: body.note,
    }));
  }
}
