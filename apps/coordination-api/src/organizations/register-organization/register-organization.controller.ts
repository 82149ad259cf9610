import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@multitrack/auth';
import { ApiCommandResponses } from '@multitrack/platform';
import { CommandOf, type HttpCommandContext } from '../../http/command-context.decorator';
import { WriteResult } from '../../http/write-result';
import { RegisterOrganizationDto } from './register-organization.dto';
import { RegisterOrganizationCommand } from './register-organization.handler';

@ApiTags('organisations')
@Controller('v1/organizations')
export class RegisterOrganizationController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('admin', 'officer')
  @ApiOperation({ summary: 'Register an NGO (pending until vetted). Roles: admin, officer.' })
  @ApiCreatedResponse({ type: WriteResult })
  @ApiCommandResponses()
  register(@Body() body: RegisterOrganizationDto, @CommandOf('RegisterOrganization') context: HttpCommandContext) {
    return this.commands.execute(new RegisterOrganizationCommand(body, context));
  }
}
