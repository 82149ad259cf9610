import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandOf, type HttpCommandContext } from '../../http/command-context.decorator';
import { CreatingEndpoint } from '../../http/write-endpoints';
import { RegisterOrganizationDto } from './register-organization.dto';
import { RegisterOrganizationCommand } from './register-organization.handler';

@ApiTags('organisations')
@Controller('v1/organizations')
export class RegisterOrganizationController {
  constructor(private readonly commands: CommandBus) {}

  @CreatingEndpoint('', { roles: ['admin', 'officer'], summary: 'Register an NGO (pending until vetted). Roles: admin, officer.' })
  register(@Body() body: RegisterOrganizationDto, @CommandOf('RegisterOrganization') context: HttpCommandContext) {
    return this.commands.execute(new RegisterOrganizationCommand(body, context));
  }
}
