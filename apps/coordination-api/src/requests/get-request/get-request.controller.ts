import { Controller, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { MinRevisionQuery } from '../../http/dto/min-revision.query';
import { EntityReadEndpoint, withETag } from '../../http/entity-read';
import { RequestView } from '../request.view';
import { GetRequestQuery } from './get-request.handler';

@ApiTags('help requests')
@Controller('v1/requests')
export class GetRequestController {
  constructor(private readonly queries: QueryBus) {}

  @EntityReadEndpoint(RequestView, {
    roles: ['officer', 'ngo', 'auditor', 'admin', 'witness'],
    summary: 'One help request. Any role. ETag = revision.',
  })
  async get(
    @Param('id') id: string,
    @Query() query: MinRevisionQuery,
    @Res({ passthrough: true }) response: Response,
  ) {
    return withETag(
      response,
      await this.queries.execute(new GetRequestQuery(id, query.minRevision)),
      `no help request ${id}`,
    );
  }
}
