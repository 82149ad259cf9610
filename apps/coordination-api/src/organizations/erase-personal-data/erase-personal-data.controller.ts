import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandOf, type HttpCommandContext } from '../../http/command-context.decorator';
import { IfMatch } from '../../http/if-match';
import { TransitionEndpoint } from '../../http/write-endpoints';
import { ErasePersonalDataDto } from './erase-personal-data.dto';
import { ErasePersonalDataCommand } from './erase-personal-data.handler';

@ApiTags('organisations')
@Controller('v1/organizations')
export class ErasePersonalDataController {
  constructor(private readonly commands: CommandBus) {}

  @TransitionEndpoint(':id/erasure', {
    roles: ['admin'],
    summary: 'Erase the organisation’s personal data by destroying its key; the events stay. Role: admin.',
  })
  handle(
    @Param('id') id: string,
    @Body() body: ErasePersonalDataDto,
    @CommandOf('ErasePersonalData') context: HttpCommandContext,
    @IfMatch() ifMatch?: number,
  ) {
    return this.commands.execute(new ErasePersonalDataCommand(id, body, context, ifMatch));
  }
}
