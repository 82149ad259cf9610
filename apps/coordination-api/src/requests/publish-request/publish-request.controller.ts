import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandOf, type HttpCommandContext } from '../../http/command-context.decorator';
import { CreatingEndpoint } from '../../http/write-endpoints';
import { PublishRequestDto } from './publish-request.dto';
import { PublishRequestCommand } from './publish-request.handler';

@ApiTags('help requests')
@Controller('v1/requests')
export class PublishRequestController {
  constructor(private readonly commands: CommandBus) {}

  @CreatingEndpoint('/', {
    roles: ['officer'],
    summary:
      'Publish a help request (open). The id is a UUID, derived from Idempotency-Key when sent. Role: officer.',
  })
  publish(@Body() body: PublishRequestDto, @CommandOf('PublishHelpRequest') context: HttpCommandContext) {
    return this.commands.execute(new PublishRequestCommand(body, context));
  }
}
