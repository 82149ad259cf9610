import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '@multitrack/auth';
import { ApiQueryResponses } from '@multitrack/platform';
import { QueryController } from '../../http/query-controller';
import { OfferPage } from '../offer.view';
import { ListOffersQueryDto } from './list-offers.dto';
import { ListOffersQuery } from './list-offers.handler';

@ApiTags('offers')
@Controller('v1/offers')
export class ListOffersController extends QueryController {
  @Get()
  @Roles('officer', 'auditor', 'ngo')
  @ApiOperation({
    summary:
      'Offers, oldest first, paged; filters requestId, organizationId, status. Roles: officer, auditor; an ngo sees only its own.',
  })
  @ApiOkResponse({ type: OfferPage })
  @ApiQueryResponses()
  list(@Query() query: ListOffersQueryDto, @CurrentActor() actor: Actor) {
    return this.queries.execute(new ListOffersQuery(query, actor));
  }
}
