import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandOf, type HttpCommandContext } from '../../http/command-context.decorator';
import { IfMatch } from '../../http/if-match';
import { TransitionEndpoint } from '../../http/write-endpoints';
import { WithdrawOfferDto } from './withdraw-offer.dto';
import { WithdrawOfferCommand } from './withdraw-offer.handler';

@ApiTags('offers')
@Controller('v1/offers')
export class WithdrawOfferController {
  constructor(private readonly commands: CommandBus) {}

  @TransitionEndpoint(':id/withdrawal', {
    roles: ['ngo'],
    summary: 'Withdraw a submitted offer. Role: the offering ngo (others get 404).',
  })
  withdraw(
    @Param('id') id: string,
    @Body() body: WithdrawOfferDto,
    @CommandOf('WithdrawOffer') context: HttpCommandContext,
    @IfMatch() ifMatch?: number,
  ) {
    return this.commands.execute(new WithdrawOfferCommand(id, body, context, ifMatch));
  }
}
