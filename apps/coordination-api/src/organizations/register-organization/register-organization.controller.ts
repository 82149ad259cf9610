import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '../../command-handling/command-context';
import { CommandController } from '../../http/command-controller';
import { Context } from '../../http/command-context.decorator';
import { CreatingEndpoint } from '../../http/command-endpoints';
import { RegisterOrganizationDto } from './register-organization.dto';
import { RegisterOrganizationCommand } from './register-organization.handler';

@ApiTags('organisations')
@Controller('v1/organizations')
export class RegisterOrganizationController extends CommandController {
  @CreatingEndpoint('', {
    roles: ['admin', 'officer'],
    summary: 'Register an NGO (pending until vetted). Roles: admin, officer.',
  })
  register(@Body() body: RegisterOrganizationDto, @Context() context: CommandContext) {
    return this.commands.execute(new RegisterOrganizationCommand(body, context));
  }
}
