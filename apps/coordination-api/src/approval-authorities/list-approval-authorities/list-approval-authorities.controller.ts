import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Roles } from '@multitrack/auth';
import { ApiQueryResponses } from '@multitrack/platform';
import { MoneyView } from '../../http/dto/money.view';
import { PageQuery } from '../../http/dto/page.query';
import { QueryController } from '../../http/query-controller';
import { ListApprovalAuthoritiesQuery } from './list-approval-authorities.handler';

class LimitItem {
  @ApiProperty({ type: MoneyView }) limit!: MoneyView;
  @ApiPropertyOptional({ format: 'date', description: 'Last day it holds; absent: until revoked' })
  validUntil?: string;
}

class DelegationItem {
  @ApiProperty({ description: 'The officer it was lent to' }) to!: string;
  @ApiProperty({ format: 'date' }) until!: string;
  @ApiProperty({
    type: MoneyView,
    description: 'What the delegate may approve: never above the lender’s own limit',
  })
  limit!: MoneyView;
}

class ApprovalAuthorityItem {
  @ApiProperty({ description: 'The officer, normalised (NFKC, trimmed, case-folded)' }) sub!: string;
  @ApiProperty({ type: [LimitItem] }) limits!: LimitItem[];
  @ApiProperty({ type: [DelegationItem] }) delegations!: DelegationItem[];
}

class ApprovalAuthorityPage {
  @ApiProperty({ type: [ApprovalAuthorityItem] }) items!: ApprovalAuthorityItem[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

@ApiTags('approval authority')
@Controller('v1/approval-authorities')
export class ListApprovalAuthoritiesController extends QueryController {
  @Get()
  @Roles('officer', 'admin', 'auditor')
  @ApiOperation({
    summary:
      'The register of approval authorities: each officer’s limits and what it lent, in identifier order, paged. Roles: officer, admin, auditor.',
  })
  @ApiOkResponse({ type: ApprovalAuthorityPage })
  @ApiQueryResponses()
  list(@Query() query: PageQuery) {
    return this.queries.execute(new ListApprovalAuthoritiesQuery(query));
  }
}
