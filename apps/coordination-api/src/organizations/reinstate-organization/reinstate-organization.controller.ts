import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '../../command-handling/command-context';
import { CommandController } from '../../http/command-controller';
import { Context } from '../../http/command-context.decorator';
import { TransitionEndpoint } from '../../http/command-endpoints';
import { ReasonDto } from '../../http/dto/reason.dto';
import { ReinstateOrganizationCommand } from './reinstate-organization.handler';

@ApiTags('organisations')
@Controller('v1/organizations')
export class ReinstateOrganizationController extends CommandController {
  @TransitionEndpoint('POST', ':id/reinstatement', {
    roles: ['officer'],
    summary: 'Reinstate a suspended organisation as vetted. Role: officer.',
  })
  reinstate(@Param('id') id: string, @Body() body: ReasonDto, @Context() context: CommandContext) {
    return this.commands.execute(new ReinstateOrganizationCommand(id, body, context));
  }
}
