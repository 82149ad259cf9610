import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandOf, type HttpCommandContext } from '../../http/command-context.decorator';
import { IfMatch } from '../../http/if-match';
import { TransitionEndpoint } from '../../http/write-endpoints';
import { SuspendOrganizationDto } from './suspend-organization.dto';
import { SuspendOrganizationCommand } from './suspend-organization.handler';

@ApiTags('organisations')
@Controller('v1/organizations')
export class SuspendOrganizationController {
  constructor(private readonly commands: CommandBus) {}

  @TransitionEndpoint(':id/suspension', {
    roles: ['officer'],
    summary: 'Suspend a vetted organisation: it can neither offer nor receive money. Role: officer.',
  })
  handle(
    @Param('id') id: string,
    @Body() body: SuspendOrganizationDto,
    @CommandOf('SuspendOrganization') context: HttpCommandContext,
    @IfMatch() ifMatch?: number,
  ) {
    return this.commands.execute(new SuspendOrganizationCommand(id, body, context, ifMatch));
  }
}
