import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '../../command-handling/command-context';
import { CommandController } from '../../http/command-controller';
import { Context } from '../../http/command-context.decorator';
import { TransitionEndpoint } from '../../http/command-endpoints';
import { VetOrganizationDto } from './vet-organization.dto';
import { VetOrganizationCommand } from './vet-organization.handler';

@ApiTags('organisations')
@Controller('v1/organizations')
export class VetOrganizationController extends CommandController {
  @TransitionEndpoint('POST', ':id/vetting', {
    roles: ['officer'],
    summary: 'Approve or reject a pending (or rejected) organisation. Role: officer.',
  })
  vet(@Param('id') id: string, @Body() body: VetOrganizationDto, @Context() context: CommandContext) {
    return this.commands.execute(new VetOrganizationCommand(id, body, context));
  }
}
