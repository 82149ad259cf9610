import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '@multitrack/auth';
import { ApiQueryResponses } from '@multitrack/platform';
import { OfferPage } from '../offer.view';
import { ListRequestOffersQueryDto } from './list-request-offers.dto';
import { ListRequestOffersQuery } from './list-request-offers.handler';

@ApiTags('offers')
@Controller('v1/requests')
export class ListRequestOffersController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/offers')
  @Roles('officer', 'auditor', 'ngo')
  @ApiOperation({ summary: 'A request’s offers, oldest first, paged. Roles: officer, auditor; an ngo sees only its own.' })
  @ApiOkResponse({ type: OfferPage })
  @ApiQueryResponses()
  async list(@Param('id') requestId: string, @Query() query: ListRequestOffersQueryDto, @CurrentActor() actor: Actor) {
    const page = await this.queries.execute(new ListRequestOffersQuery(requestId, query, actor));
    if (!page) throw new NotFoundException(`no help request ${requestId}`);
    return page;
  }
}
