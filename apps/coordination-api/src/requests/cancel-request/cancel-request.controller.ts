import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@multitrack/auth';
import { ApiCommandResponses, ApiProblemResponses } from '@multitrack/platform';
import { CommandOf, type HttpCommandContext } from '../../http/command-context.decorator';
import { IfMatch } from '../../http/if-match';
import { IF_MATCH_HEADER } from '../../http/openapi';
import { WriteResult } from '../../http/write-result';
import { CancelRequestDto } from './cancel-request.dto';
import { CancelRequestCommand } from './cancel-request.handler';

@ApiTags('help requests')
@Controller('v1/requests')
export class CancelRequestController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/cancellation')
  @HttpCode(200)
  @Roles('officer')
  @ApiOperation({ summary: 'Cancel an open request (a matched one is closed through its match). Role: officer.' })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: WriteResult })
  @ApiCommandResponses()
  @ApiProblemResponses(404)
  cancel(
    @Param('id') id: string,
    @Body() body: CancelRequestDto,
    @CommandOf('CancelHelpRequest') context: HttpCommandContext,
    @IfMatch() ifMatch?: number,
  ) {
    return this.commands.execute(new CancelRequestCommand(id, body, context, ifMatch));
  }
}
