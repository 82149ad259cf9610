import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@multitrack/auth';
import { ApiCommandResponses, ApiProblemResponses } from '@multitrack/platform';
import { CommandOf, type HttpCommandContext } from '../../http/command-context.decorator';
import { IfMatch } from '../../http/if-match';
import { IF_MATCH_HEADER } from '../../http/openapi';
import { WriteResult } from '../../http/write-result';
import { WithdrawOfferDto } from './withdraw-offer.dto';
import { WithdrawOfferCommand } from './withdraw-offer.handler';

@ApiTags('offers')
@Controller('v1/offers')
export class WithdrawOfferController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/withdrawal')
  @HttpCode(200)
  @Roles('ngo')
  @ApiOperation({ summary: 'Withdraw a submitted offer. Role: the offering ngo (others get 404).' })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: WriteResult })
  @ApiCommandResponses()
  @ApiProblemResponses(404)
  withdraw(
    @Param('id') id: string,
    @Body() body: WithdrawOfferDto,
    @CommandOf('WithdrawOffer') context: HttpCommandContext,
    @IfMatch() ifMatch?: number,
  ) {
    return this.commands.execute(new WithdrawOfferCommand(id, body, context, ifMatch));
  }
}
