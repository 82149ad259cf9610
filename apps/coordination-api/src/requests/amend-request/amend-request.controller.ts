import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandOf, type HttpCommandContext } from '../../http/command-context.decorator';
import { IfMatch } from '../../http/if-match';
import { TransitionEndpoint } from '../../http/write-endpoints';
import { AmendRequestDto } from './amend-request.dto';
import { AmendRequestCommand } from './amend-request.handler';

@ApiTags('help requests')
@Controller('v1/requests')
export class AmendRequestController {
  constructor(private readonly commands: CommandBus) {}

  @TransitionEndpoint(':id', {
    roles: ['officer'],
    summary: 'Amend title, description, budget or neededBy. Role: officer.',
    method: 'PATCH',
  })
  amend(
    @Param('id') id: string,
    @Body() body: AmendRequestDto,
    @CommandOf('AmendHelpRequest') context: HttpCommandContext,
    @IfMatch() ifMatch?: number,
  ) {
    return this.commands.execute(new AmendRequestCommand(id, body, context, ifMatch));
  }
}
