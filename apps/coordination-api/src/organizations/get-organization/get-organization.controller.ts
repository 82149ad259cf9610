import { Controller, Get, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@multitrack/auth';
import { ApiProblemResponses, ApiQueryResponses } from '@multitrack/platform';
import type { Response } from 'express';
import { MinRevisionQuery } from '../../http/dto/min-revision.query';
import { etagOf } from '../../http/if-match';
import { OrganizationView } from '../organization.view';
import { GetOrganizationQuery } from './get-organization.handler';

@ApiTags('organisations')
@Controller('v1/organizations')
export class GetOrganizationController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @Roles('officer', 'ngo', 'auditor', 'admin', 'witness')
  @ApiOperation({ summary: 'One organisation; `contactEmail` is null once erased. Any role. ETag = revision.' })
  @ApiOkResponse({ type: OrganizationView })
  @ApiQueryResponses()
  @ApiProblemResponses(503)
  async get(@Param('id') id: string, @Query() query: MinRevisionQuery, @Res({ passthrough: true }) response: Response) {
    const organization = await this.queries.execute(new GetOrganizationQuery(id, query.minRevision));
    if (!organization) throw new NotFoundException(`no organisation ${id}`);
    response.setHeader('ETag', etagOf(organization.revision));
    return organization;
  }
}
