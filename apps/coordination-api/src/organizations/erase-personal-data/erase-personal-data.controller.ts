import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@multitrack/auth';
import { ApiCommandResponses, ApiProblemResponses } from '@multitrack/platform';
import { CommandOf, type HttpCommandContext } from '../../http/command-context.decorator';
import { IfMatch } from '../../http/if-match';
import { IF_MATCH_HEADER } from '../../http/openapi';
import { WriteResult } from '../../http/write-result';
import { ErasePersonalDataDto } from './erase-personal-data.dto';
import { ErasePersonalDataCommand } from './erase-personal-data.handler';

@ApiTags('organisations')
@Controller('v1/organizations')
export class ErasePersonalDataController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/erasure')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Erase the organisation’s personal data by destroying its key; the events stay. Role: admin.' })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: WriteResult })
  @ApiCommandResponses()
  @ApiProblemResponses(404)
  handle(
    @Param('id') id: string,
    @Body() body: ErasePersonalDataDto,
    @CommandOf('ErasePersonalData') context: HttpCommandContext,
    @IfMatch() ifMatch?: number,
  ) {
    return this.commands.execute(new ErasePersonalDataCommand(id, body, context, ifMatch));
  }
}
