import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@multitrack/auth';
import { ApiQueryResponses } from '@multitrack/platform';
import { QueryController } from '../../http/query-controller';
import { RequestPage } from '../request.view';
import { ListRequestsQueryDto } from './list-requests.dto';
import { ListRequestsQuery } from './list-requests.handler';

@ApiTags('help requests')
@Controller('v1/requests')
export class ListRequestsController extends QueryController {
  @Get()
  @Roles('officer', 'ngo', 'auditor', 'admin', 'witness')
  @ApiOperation({
    summary: 'Help requests, newest first, filtered by status, track, country; paged. Any role.',
  })
  @ApiOkResponse({ type: RequestPage })
  @ApiQueryResponses()
  list(@Query() query: ListRequestsQueryDto) {
    return this.queries.execute(new ListRequestsQuery(query));
  }
}
