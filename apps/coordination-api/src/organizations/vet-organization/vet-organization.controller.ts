import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandOf, type HttpCommandContext } from '../../http/command-context.decorator';
import { IfMatch } from '../../http/if-match';
import { TransitionEndpoint } from '../../http/write-endpoints';
import { VetOrganizationDto } from './vet-organization.dto';
import { VetOrganizationCommand } from './vet-organization.handler';

@ApiTags('organisations')
@Controller('v1/organizations')
export class VetOrganizationController {
  constructor(private readonly commands: CommandBus) {}

  @TransitionEndpoint(':id/vetting', {
    roles: ['officer'],
    summary: 'Approve or reject a pending (or rejected) organisation. Role: officer.',
  })
  vet(
    @Param('id') id: string,
    @Body() body: VetOrganizationDto,
    @CommandOf('VetOrganization') context: HttpCommandContext,
    @IfMatch() ifMatch?: number,
  ) {
    return this.commands.execute(new VetOrganizationCommand(id, body, context, ifMatch));
  }
}
