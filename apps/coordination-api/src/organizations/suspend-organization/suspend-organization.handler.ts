import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { DomainError, SuspendOrganization } from '@multitrack/domain';
import type { EventStore } from '@multitrack/event-store';
import { EVENT_STORE } from '@multitrack/platform';
import type { HttpCommandContext } from '../../http/command-context.decorator';
import type { WriteResult } from '../../http/write-result';
import { changeOrganization } from '../organization-stream';
import type { SuspendOrganizationDto } from './suspend-organization.dto';

export class SuspendOrganizationCommand extends Command<WriteResult | DomainError> {
  constructor(
    readonly organizationId: string,
    readonly body: SuspendOrganizationDto,
    readonly context: HttpCommandContext,
    readonly ifMatch?: number,
  ) {
    super();
  }
}

@CommandHandler(SuspendOrganizationCommand)
export class SuspendOrganizationHandler implements ICommandHandler<SuspendOrganizationCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ body, ...request }: SuspendOrganizationCommand) {
    return changeOrganization<SuspendOrganization>(this.store, request, 'SuspendOrganization', () => ({ reason: body.reason }));
  }
}
