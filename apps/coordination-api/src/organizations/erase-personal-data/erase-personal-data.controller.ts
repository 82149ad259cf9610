import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '../../command-handling/command-context';
import { CommandController } from '../../http/command-controller';
import { Context } from '../../http/command-context.decorator';
import { TransitionEndpoint } from '../../http/command-endpoints';
import { ReasonDto } from '../../http/dto/reason.dto';
import { ErasePersonalDataCommand } from './erase-personal-data.handler';

@ApiTags('organisations')
@Controller('v1/organizations')
export class ErasePersonalDataController extends CommandController {
  @TransitionEndpoint('POST', ':id/erasure', {
    roles: ['admin'],
    summary: 'Erase the organisation’s personal data by destroying its key; the events stay. Role: admin.',
  })
  erase(@Param('id') id: string, @Body() body: ReasonDto, @Context() context: CommandContext) {
    return this.commands.execute(new ErasePersonalDataCommand(id, body, context));
  }
}
