import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '@multitrack/auth';
import { ApiQueryResponses } from '@multitrack/platform';
import { QueryController } from '../../http/query-controller';
import { MatchViewDto } from '../get-match/match-view.dto';
import { ListMatchesQueryDto } from './list-matches.dto';
import { ListMatchesQuery } from './list-matches.handler';

class MatchPage {
  @ApiProperty({ type: [MatchViewDto] }) items!: MatchViewDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

@ApiTags('matches')
@Controller('v1/matches')
export class ListMatchesController extends QueryController {
  @Get()
  @Roles('officer', 'auditor', 'ngo')
  @ApiOperation({
    summary:
      'Matches, oldest first, paged; filters requestId, organizationId, status. Roles: officer, auditor; an ngo sees only its own.',
  })
  @ApiOkResponse({ type: MatchPage })
  @ApiQueryResponses()
  list(@Query() query: ListMatchesQueryDto, @CurrentActor() actor: Actor) {
    return this.queries.execute(new ListMatchesQuery(query, actor));
  }
}
