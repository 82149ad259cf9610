import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandOf, type HttpCommandContext } from '../../http/command-context.decorator';
import { IfMatch } from '../../http/if-match';
import { TransitionEndpoint } from '../../http/write-endpoints';
import { ReinstateOrganizationDto } from './reinstate-organization.dto';
import { ReinstateOrganizationCommand } from './reinstate-organization.handler';

@ApiTags('organisations')
@Controller('v1/organizations')
export class ReinstateOrganizationController {
  constructor(private readonly commands: CommandBus) {}

  @TransitionEndpoint(':id/reinstatement', {
    roles: ['officer'],
    summary: 'Reinstate a suspended organisation as vetted. Role: officer.',
  })
  handle(
    @Param('id') id: string,
    @Body() body: ReinstateOrganizationDto,
    @CommandOf('ReinstateOrganization') context: HttpCommandContext,
    @IfMatch() ifMatch?: number,
  ) {
    return this.commands.execute(new ReinstateOrganizationCommand(id, body, context, ifMatch));
  }
}
