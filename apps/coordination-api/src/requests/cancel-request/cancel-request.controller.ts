import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '../../command-handling/command-context';
import { CommandController } from '../../http/command-controller';
import { Context } from '../../http/command-context.decorator';
import { TransitionEndpoint } from '../../http/command-endpoints';
import { ReasonDto } from '../../http/dto/reason.dto';
import { CancelRequestCommand } from './cancel-request.handler';

@ApiTags('help requests')
@Controller('v1/requests')
export class CancelRequestController extends CommandController {
  @TransitionEndpoint('POST', ':id/cancellation', {
    roles: ['officer'],
    summary: 'Cancel an open request (a matched one is closed through its match). Role: officer.',
  })
  cancel(@Param('id') id: string, @Body() body: ReasonDto, @Context() context: CommandContext) {
    return this.commands.execute(new CancelRequestCommand(id, body, context));
  }
}
