import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '@multitrack/auth';
import { ApiProblemResponses, ApiQueryResponses } from '@multitrack/platform';
import { QueryController } from '../../http/query-controller';
import { OfferPage } from '../offer.view';
import { ListRequestOffersQueryDto } from './list-request-offers.dto';
import { ListRequestOffersQuery } from './list-request-offers.handler';

@ApiTags('offers')
@Controller('v1/requests')
export class ListRequestOffersController extends QueryController {
  @Get(':id/offers')
  @Roles('officer', 'auditor', 'ngo')
  @ApiOperation({
    summary: 'A request’s offers, oldest first, paged. Roles: officer, auditor; an ngo sees only its own.',
  })
  @ApiOkResponse({ type: OfferPage })
  @ApiQueryResponses()
  @ApiProblemResponses(404)
  list(
    @Param('id') requestId: string,
    @Query() query: ListRequestOffersQueryDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.queries.execute(new ListRequestOffersQuery(requestId, query, actor));
  }
}
