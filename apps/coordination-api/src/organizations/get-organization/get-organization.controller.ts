import { Controller, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { MinRevisionQuery } from '../../http/dto/min-revision.query';
import { EntityReadEndpoint, withETag } from '../../http/entity-read';
import { OrganizationView } from '../organization.view';
import { GetOrganizationQuery } from './get-organization.handler';

@ApiTags('organisations')
@Controller('v1/organizations')
export class GetOrganizationController {
  constructor(private readonly queries: QueryBus) {}

  @EntityReadEndpoint(OrganizationView, {
    roles: ['officer', 'ngo', 'auditor', 'admin', 'witness'],
    summary: 'One organisation; `contactEmail` is null once erased. Any role. ETag = revision.',
  })
  async get(
    @Param('id') id: string,
    @Query() query: MinRevisionQuery,
    @Res({ passthrough: true }) response: Response,
  ) {
    return withETag(
      response,
      await this.queries.execute(new GetOrganizationQuery(id, query.minRevision)),
      `no organisation ${id}`,
    );
  }
}
