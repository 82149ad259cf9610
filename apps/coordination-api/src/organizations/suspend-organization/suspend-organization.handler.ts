import { CommandHandler } from '@nestjs/cqrs';
import { TransitionCommand } from '../../command-handling/transition';
import type { ReasonDto } from '../../http/dto/reason.dto';
import { OrganizationTransition } from '../organization-transition';

export class SuspendOrganizationCommand extends TransitionCommand<ReasonDto> {}

@CommandHandler(SuspendOrganizationCommand)
export class SuspendOrganizationHandler extends OrganizationTransition<SuspendOrganizationCommand> {
  protected command({ body }: SuspendOrganizationCommand) {
    return { type: 'SuspendOrganization', data: { reason: body.reason } } as const;
  }
}
