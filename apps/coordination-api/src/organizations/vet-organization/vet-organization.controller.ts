import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@multitrack/auth';
import { ApiCommandResponses, ApiProblemResponses } from '@multitrack/platform';
import { CommandOf, type HttpCommandContext } from '../../http/command-context.decorator';
import { IfMatch } from '../../http/if-match';
import { IF_MATCH_HEADER } from '../../http/openapi';
import { WriteResult } from '../../http/write-result';
import { VetOrganizationDto } from './vet-organization.dto';
import { VetOrganizationCommand } from './vet-organization.handler';

@ApiTags('organisations')
@Controller('v1/organizations')
export class VetOrganizationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/vetting')
  @HttpCode(200)
  @Roles('officer')
  @ApiOperation({ summary: 'Approve or reject a pending (or rejected) organisation. Role: officer.' })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: WriteResult })
  @ApiCommandResponses()
  @ApiProblemResponses(404)
  vet(
    @Param('id') id: string,
    @Body() body: VetOrganizationDto,
    @CommandOf('VetOrganization') context: HttpCommandContext,
    @IfMatch() ifMatch?: number,
  ) {
    return this.commands.execute(new VetOrganizationCommand(id, body, context, ifMatch));
  }
}
