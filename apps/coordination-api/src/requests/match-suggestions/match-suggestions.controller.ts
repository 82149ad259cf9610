import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@multitrack/auth';
import { ApiProblemResponses, ApiQueryResponses } from '@multitrack/platform';
import { QueryController } from '../../http/query-controller';
import { MatchSuggestionsQueryDto } from './match-suggestions.dto';
import { MatchSuggestionsQuery } from './match-suggestions.handler';
import { MatchSuggestionsView } from './match-suggestions.view';

@ApiTags('help requests')
@Controller('v1/requests')
export class MatchSuggestionsController extends QueryController {
  @Get(':id/match-suggestions')
  @Roles('officer')
  @ApiOperation({
    summary:
      'Vetted organisations and submitted offers ranked for this request: tracks 40, country 20, amount fit 20, delivery record 20. Role: officer.',
  })
  @ApiOkResponse({ type: MatchSuggestionsView })
  @ApiQueryResponses()
  @ApiProblemResponses(404)
  suggest(@Param('id') id: string, @Query() query: MatchSuggestionsQueryDto) {
    return this.queries.execute(new MatchSuggestionsQuery(id, query.limit));
  }
}
