import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '../../command-handling/command-context';
import { CommandController } from '../../http/command-controller';
import { Context } from '../../http/command-context.decorator';
import { CreatingEndpoint } from '../../http/command-endpoints';
import { SubmitOfferDto } from './submit-offer.dto';
import { SubmitOfferCommand } from './submit-offer.handler';

@ApiTags('offers')
@Controller('v1/requests')
export class SubmitOfferController extends CommandController {
  @CreatingEndpoint(':id/offers', {
    roles: ['ngo'],
    summary:
      'Offer help on an open request, as the caller’s organisation (which must be vetted and not suspended). Role: ngo.',
    answerDescription: '`id` is the offer id; revision/position are the offer stream’s',
    problems: [404],
  })
  submit(@Param('id') requestId: string, @Body() body: SubmitOfferDto, @Context() context: CommandContext) {
    return this.commands.execute(new SubmitOfferCommand(requestId, body, context));
  }
}
