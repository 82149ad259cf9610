import { Controller, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { MinRevisionQuery } from '../../http/dto/min-revision.query';
import { EntityReadEndpoint } from '../../http/entity-read';
import { QueryController } from '../../http/query-controller';
import { RequestView } from '../request.view';
import { GetRequestQuery } from './get-request.handler';

@ApiTags('help requests')
@Controller('v1/requests')
export class GetRequestController extends QueryController {
  @EntityReadEndpoint(RequestView, {
    roles: ['officer', 'ngo', 'auditor', 'admin', 'witness'],
    summary: 'One help request. Any role. ETag = revision.',
  })
  get(@Param('id') id: string, @Query() query: MinRevisionQuery) {
    return this.queries.execute(new GetRequestQuery(id, query.minRevision));
  }
}
