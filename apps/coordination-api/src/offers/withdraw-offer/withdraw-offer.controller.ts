import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '../../command-handling/command-context';
import { CommandController } from '../../http/command-controller';
import { Context } from '../../http/command-context.decorator';
import { TransitionEndpoint } from '../../http/command-endpoints';
import { ReasonDto } from '../../http/dto/reason.dto';
import { WithdrawOfferCommand } from './withdraw-offer.handler';

@ApiTags('offers')
@Controller('v1/offers')
export class WithdrawOfferController extends CommandController {
  @TransitionEndpoint('POST', ':id/withdrawal', {
    roles: ['ngo'],
    summary: 'Withdraw a submitted offer. Role: the offering ngo (others get 404).',
  })
  withdraw(@Param('id') id: string, @Body() body: ReasonDto, @Context() context: CommandContext) {
    return this.commands.execute(new WithdrawOfferCommand(id, body, context));
  }
}
