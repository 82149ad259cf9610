import { Body, Controller, Param, Patch } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@multitrack/auth';
import { ApiCommandResponses, ApiProblemResponses } from '@multitrack/platform';
import { CommandOf, type HttpCommandContext } from '../../http/command-context.decorator';
import { IfMatch } from '../../http/if-match';
import { IF_MATCH_HEADER } from '../../http/openapi';
import { WriteResult } from '../../http/write-result';
import { AmendRequestDto } from './amend-request.dto';
import { AmendRequestCommand } from './amend-request.handler';

@ApiTags('help requests')
@Controller('v1/requests')
export class AmendRequestController {
  constructor(private readonly commands: CommandBus) {}

  @Patch(':id')
  @Roles('officer')
  @ApiOperation({ summary: 'Amend title, description, budget or neededBy. Role: officer.' })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: WriteResult })
  @ApiCommandResponses()
  @ApiProblemResponses(404)
  amend(
    @Param('id') id: string,
    @Body() body: AmendRequestDto,
    @CommandOf('AmendHelpRequest') context: HttpCommandContext,
    @IfMatch() ifMatch?: number,
  ) {
    return this.commands.execute(new AmendRequestCommand(id, body, context, ifMatch));
  }
}
