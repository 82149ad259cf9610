import { CommandHandler } from '@nestjs/cqrs';
import { TransitionCommand } from '../../command-handling/transition';
import type { VetOrganizationDto } from './vet-organization.dto';
import { OrganizationTransition } from '../organization-transition';

export class VetOrganizationCommand extends TransitionCommand<VetOrganizationDto> {}

@CommandHandler(VetOrganizationCommand)
export class VetOrganizationHandler extends OrganizationTransition<VetOrganizationCommand> {
  protected command({ body }: VetOrganizationCommand) {
    return { type: 'VetOrganization', data: { decision: body.decision, note: body.note } } as const;
  }
}
