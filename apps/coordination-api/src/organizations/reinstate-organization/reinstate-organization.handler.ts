import { CommandHandler } from '@nestjs/cqrs';
import { TransitionCommand } from '../../command-handling/transition';
import type { ReasonDto } from '../../http/dto/reason.dto';
import { OrganizationTransition } from '../organization-transition';

export class ReinstateOrganizationCommand extends TransitionCommand<ReasonDto> {}

@CommandHandler(ReinstateOrganizationCommand)
export class ReinstateOrganizationHandler extends OrganizationTransition<ReinstateOrganizationCommand> {
  protected command({ body }: ReinstateOrganizationCommand) {
    return { type: 'ReinstateOrganization', data: { reason: body.reason } } as const;
  }
}
