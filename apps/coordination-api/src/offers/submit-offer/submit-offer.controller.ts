import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@multitrack/auth';
import { ApiCommandResponses, ApiProblemResponses } from '@multitrack/platform';
import { CommandOf, type HttpCommandContext } from '../../http/command-context.decorator';
import { IDEMPOTENCY_KEY_HEADER } from '../../http/openapi';
import { WriteResult } from '../../http/write-result';
import { SubmitOfferDto } from './submit-offer.dto';
import { SubmitOfferCommand } from './submit-offer.handler';

@ApiTags('offers')
@Controller('v1/requests')
export class SubmitOfferController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/offers')
  @Roles('ngo')
  @ApiOperation({
    summary: 'Offer help on an open request, as the caller’s organisation (which must be vetted and not suspended). Role: ngo.',
  })
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiCreatedResponse({ type: WriteResult, description: '`id` is the offer id; revision/position are the offer stream’s' })
  @ApiCommandResponses()
  @ApiProblemResponses(404)
  submit(@Param('id') requestId: string, @Body() body: SubmitOfferDto, @CommandOf('SubmitOffer') context: HttpCommandContext) {
    return this.commands.execute(new SubmitOfferCommand(requestId, body, context));
  }
}
