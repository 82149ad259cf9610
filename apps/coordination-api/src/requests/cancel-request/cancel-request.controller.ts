import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandOf, type HttpCommandContext } from '../../http/command-context.decorator';
import { IfMatch } from '../../http/if-match';
import { TransitionEndpoint } from '../../http/write-endpoints';
import { CancelRequestDto } from './cancel-request.dto';
import { CancelRequestCommand } from './cancel-request.handler';

@ApiTags('help requests')
@Controller('v1/requests')
export class CancelRequestController {
  constructor(private readonly commands: CommandBus) {}

  @TransitionEndpoint(':id/cancellation', {
    roles: ['officer'],
    summary: 'Cancel an open request (a matched one is closed through its match). Role: officer.',
  })
  cancel(
    @Param('id') id: string,
    @Body() body: CancelRequestDto,
    @CommandOf('CancelHelpRequest') context: HttpCommandContext,
    @IfMatch() ifMatch?: number,
  ) {
    return this.commands.execute(new CancelRequestCommand(id, body, context, ifMatch));
  }
}
