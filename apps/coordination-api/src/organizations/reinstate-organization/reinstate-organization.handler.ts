import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { DomainError, ReinstateOrganization } from '@multitrack/domain';
import type { EventStore } from '@multitrack/event-store';
import { EVENT_STORE } from '@multitrack/platform';
import type { HttpCommandContext } from '../../http/command-context.decorator';
import type { WriteResult } from '../../http/write-result';
import { changeOrganization } from '../organization-stream';
import type { ReinstateOrganizationDto } from './reinstate-organization.dto';

export class ReinstateOrganizationCommand extends Command<WriteResult | DomainError> {
  constructor(
    readonly organizationId: string,
    readonly body: ReinstateOrganizationDto,
    readonly context: HttpCommandContext,
    readonly ifMatch?: number,
  ) {
    super();
  }
}

@CommandHandler(ReinstateOrganizationCommand)
export class ReinstateOrganizationHandler implements ICommandHandler<ReinstateOrganizationCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ body, ...request }: ReinstateOrganizationCommand) {
    return changeOrganization<ReinstateOrganization>(this.store, request, 'ReinstateOrganization', () => ({ reason: body.reason }));
  }
}
