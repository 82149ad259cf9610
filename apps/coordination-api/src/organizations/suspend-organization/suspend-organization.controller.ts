import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@multitrack/auth';
import { ApiCommandResponses, ApiProblemResponses } from '@multitrack/platform';
import { CommandOf, type HttpCommandContext } from '../../http/command-context.decorator';
import { IfMatch } from '../../http/if-match';
import { IF_MATCH_HEADER } from '../../http/openapi';
import { WriteResult } from '../../http/write-result';
import { SuspendOrganizationDto } from './suspend-organization.dto';
import { SuspendOrganizationCommand } from './suspend-organization.handler';

@ApiTags('organisations')
@Controller('v1/organizations')
export class SuspendOrganizationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/suspension')
  @HttpCode(200)
  @Roles('officer')
  @ApiOperation({ summary: 'Suspend a vetted organisation: it can neither offer nor receive money. Role: officer.' })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: WriteResult })
  @ApiCommandResponses()
  @ApiProblemResponses(404)
  handle(
    @Param('id') id: string,
    @Body() body: SuspendOrganizationDto,
    @CommandOf('SuspendOrganization') context: HttpCommandContext,
    @IfMatch() ifMatch?: number,
  ) {
    return this.commands.execute(new SuspendOrganizationCommand(id, body, context, ifMatch));
  }
}
