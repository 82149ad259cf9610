import { Controller, Get, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@multitrack/auth';
import { ApiProblemResponses, ApiQueryResponses } from '@multitrack/platform';
import type { Response } from 'express';
import { MinRevisionQuery } from '../../http/dto/min-revision.query';
import { etagOf } from '../../http/if-match';
import { RequestView } from '../request.view';
import { GetRequestQuery } from './get-request.handler';

@ApiTags('help requests')
@Controller('v1/requests')
export class GetRequestController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @Roles('officer', 'ngo', 'auditor', 'admin', 'witness')
  @ApiOperation({ summary: 'One help request. Any role. ETag = revision.' })
  @ApiOkResponse({ type: RequestView })
  @ApiQueryResponses()
  @ApiProblemResponses(503)
  async get(@Param('id') id: string, @Query() query: MinRevisionQuery, @Res({ passthrough: true }) response: Response) {
    const request = await this.queries.execute(new GetRequestQuery(id, query.minRevision));
    if (!request) throw new NotFoundException(`no help request ${id}`);
    response.setHeader('ETag', etagOf(request.revision));
    return request;
  }
}
