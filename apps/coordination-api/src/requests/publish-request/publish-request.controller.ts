import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '../../command-handling/command-context';
import { CommandController } from '../../http/command-controller';
import { Context } from '../../http/command-context.decorator';
import { CreatingEndpoint } from '../../http/command-endpoints';
import { PublishRequestDto } from './publish-request.dto';
import { PublishRequestCommand } from './publish-request.handler';

@ApiTags('help requests')
@Controller('v1/requests')
export class PublishRequestController extends CommandController {
  @CreatingEndpoint('/', {
    roles: ['officer'],
    summary:
      'Publish a help request (open). The id is a UUID, derived from Idempotency-Key when sent. Role: officer.',
  })
  publish(@Body() body: PublishRequestDto, @Context() context: CommandContext) {
    return this.commands.execute(new PublishRequestCommand(body, context));
  }
}
