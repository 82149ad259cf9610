import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@multitrack/auth';
import { ApiQueryResponses } from '@multitrack/platform';
import { QueryController } from '../../http/query-controller';
import { OrganizationPage } from '../organization.view';
import { ListOrganizationsQueryDto } from './list-organizations.dto';
import { ListOrganizationsQuery } from './list-organizations.handler';

@ApiTags('organisations')
@Controller('v1/organizations')
export class ListOrganizationsController extends QueryController {
  @Get()
  @Roles('officer', 'ngo', 'auditor', 'admin', 'witness')
  @ApiOperation({ summary: 'Organisations in identifier order, paged. Any role.' })
  @ApiOkResponse({ type: OrganizationPage })
  @ApiQueryResponses()
  list(@Query() query: ListOrganizationsQueryDto) {
    return this.queries.execute(new ListOrganizationsQuery(query));
  }
}
