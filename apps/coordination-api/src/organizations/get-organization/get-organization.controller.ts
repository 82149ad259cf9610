import { Controller, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { MinRevisionQuery } from '../../http/dto/min-revision.query';
import { EntityReadEndpoint } from '../../http/entity-read';
import { QueryController } from '../../http/query-controller';
import { OrganizationView } from '../organization.view';
import { GetOrganizationQuery } from './get-organization.handler';

@ApiTags('organisations')
@Controller('v1/organizations')
export class GetOrganizationController extends QueryController {
  @EntityReadEndpoint(OrganizationView, {
    roles: ['officer', 'ngo', 'auditor', 'admin', 'witness'],
    summary: 'One organisation; `contactEmail` is null once erased. Any role. ETag = revision.',
  })
  get(@Param('id') id: string, @Query() query: MinRevisionQuery) {
    return this.queries.execute(new GetOrganizationQuery(id, query.minRevision));
  }
}
