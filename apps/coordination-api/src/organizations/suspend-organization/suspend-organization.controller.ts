import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '../../command-handling/command-context';
import { CommandController } from '../../http/command-controller';
import { Context } from '../../http/command-context.decorator';
import { TransitionEndpoint } from '../../http/command-endpoints';
import { ReasonDto } from '../../http/dto/reason.dto';
import { SuspendOrganizationCommand } from './suspend-organization.handler';

@ApiTags('organisations')
@Controller('v1/organizations')
export class SuspendOrganizationController extends CommandController {
  @TransitionEndpoint('POST', ':id/suspension', {
    roles: ['officer'],
    summary: 'Suspend a vetted organisation: it can neither offer nor receive money. Role: officer.',
  })
  suspend(@Param('id') id: string, @Body() body: ReasonDto, @Context() context: CommandContext) {
    return this.commands.execute(new SuspendOrganizationCommand(id, body, context));
  }
}
