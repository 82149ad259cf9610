import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '../../command-handling/command-context';
import { CommandController } from '../../http/command-controller';
import { Context } from '../../http/command-context.decorator';
import { TransitionEndpoint } from '../../http/command-endpoints';
import { AmendRequestDto } from './amend-request.dto';
import { AmendRequestCommand } from './amend-request.handler';

@ApiTags('help requests')
@Controller('v1/requests')
export class AmendRequestController extends CommandController {
  @TransitionEndpoint('PATCH', ':id', {
    roles: ['officer'],
    summary: 'Amend title, description, budget or neededBy. Role: officer.',
  })
  amend(@Param('id') id: string, @Body() body: AmendRequestDto, @Context() context: CommandContext) {
    return this.commands.execute(new AmendRequestCommand(id, body, context));
  }
}
