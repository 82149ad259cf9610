import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@multitrack/auth';
import { ApiQueryResponses } from '@multitrack/platform';
import { MatchSuggestionsQueryDto } from './match-suggestions.dto';
import { MatchSuggestionsQuery } from './match-suggestions.handler';
import { MatchSuggestionsView } from './match-suggestions.view';

@ApiTags('help requests')
@Controller('v1/requests')
export class MatchSuggestionsController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/match-suggestions')
  @Roles('officer')
  @ApiOperation({
    summary:
      'Vetted organisations and submitted offers ranked for this request: tracks 40, country 20, amount fit 20, delivery record 20. Role: officer.',
  })
  @ApiOkResponse({ type: MatchSuggestionsView })
  @ApiQueryResponses()
  async suggest(@Param('id') id: string, @Query() query: MatchSuggestionsQueryDto) {
    const suggestions = await this.queries.execute(new MatchSuggestionsQuery(id, query.limit));
    if (!suggestions) throw new NotFoundException(`no help request ${id}`);
    return suggestions;
  }
}
