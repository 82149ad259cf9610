import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@multitrack/auth';
import { ApiQueryResponses } from '@multitrack/platform';
import { RequestPage } from '../request.view';
import { ListRequestsQueryDto } from './list-requests.dto';
import { ListRequestsQuery } from './list-requests.handler';

@ApiTags('help requests')
@Controller('v1/requests')
export class ListRequestsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('officer', 'ngo', 'auditor', 'admin', 'witness')
  @ApiOperation({ summary: 'Help requests, newest first, filtered by status, track, country; paged. Any role.' })
  @ApiOkResponse({ type: RequestPage })
  @ApiQueryResponses()
  list(@Query() query: ListRequestsQueryDto) {
    return this.queries.execute(new ListRequestsQuery(query));
  }
}
