import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandOf, type HttpCommandContext } from '../../http/command-context.decorator';
import { CreatingEndpoint } from '../../http/write-endpoints';
import { SubmitOfferDto } from './submit-offer.dto';
import { SubmitOfferCommand } from './submit-offer.handler';

@ApiTags('offers')
@Controller('v1/requests')
export class SubmitOfferController {
  constructor(private readonly commands: CommandBus) {}

  @CreatingEndpoint(':id/offers', {
    roles: ['ngo'],
    summary:
      'Offer help on an open request, as the caller’s organisation (which must be vetted and not suspended). Role: ngo.',
    created: '`id` is the offer id; revision/position are the offer stream’s',
    problems: [404],
  })
  submit(
    @Param('id') requestId: string,
    @Body() body: SubmitOfferDto,
    @CommandOf('SubmitOffer') context: HttpCommandContext,
  ) {
    return this.commands.execute(new SubmitOfferCommand(requestId, body, context));
  }
}
