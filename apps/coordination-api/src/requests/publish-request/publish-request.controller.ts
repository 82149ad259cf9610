import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@multitrack/auth';
import { ApiCommandResponses } from '@multitrack/platform';
import { CommandOf, type HttpCommandContext } from '../../http/command-context.decorator';
import { IDEMPOTENCY_KEY_HEADER } from '../../http/openapi';
import { WriteResult } from '../../http/write-result';
import { PublishRequestDto } from './publish-request.dto';
import { PublishRequestCommand } from './publish-request.handler';

@ApiTags('help requests')
@Controller('v1/requests')
export class PublishRequestController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('officer')
  @ApiOperation({ summary: 'Publish a help request (open). The id is a UUID, derived from Idempotency-Key when sent. Role: officer.' })
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiCreatedResponse({ type: WriteResult })
  @ApiCommandResponses()
  publish(@Body() body: PublishRequestDto, @CommandOf('PublishHelpRequest') context: HttpCommandContext) {
    return this.commands.execute(new PublishRequestCommand(body, context));
  }
}
