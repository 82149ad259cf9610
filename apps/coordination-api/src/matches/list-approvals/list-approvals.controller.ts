import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '@multitrack/auth';
import { ApiQueryResponses } from '@multitrack/platform';
import { MoneyView } from '../../http/dto/money.view';
import { PageQuery } from '../../http/dto/page.query';
import { QueryController } from '../../http/query-controller';
import { ListApprovalsQuery } from './list-approvals.handler';

class ApprovalItem {
  @ApiProperty() matchId!: string;
  @ApiProperty() disbursementId!: string;
  @ApiProperty({ type: MoneyView }) amount!: MoneyView;
  @ApiProperty() reference!: string;
  @ApiProperty() requestedBy!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) requestedAt!: string | null;
  @ApiProperty() organizationId!: string;
}

class ApprovalPage {
  @ApiProperty({ type: [ApprovalItem] }) items!: ApprovalItem[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

@ApiTags('matches')
@Controller('v1/approvals')
export class ListApprovalsController extends QueryController {
  @Get()
  @Roles('officer')
  @ApiOperation({
    summary:
      'The tranches waiting for a second officer that the caller may approve (never those it requested), oldest first, paged. Role: officer.',
  })
  @ApiOkResponse({ type: ApprovalPage })
  @ApiQueryResponses()
  list(@Query() query: PageQuery, @CurrentActor() actor: Actor) {
    return this.queries.execute(new ListApprovalsQuery(query, actor));
  }
}
