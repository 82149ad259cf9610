import { Controller, Get, Param, Query as QueryParams, Res, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor, CurrentActor, Roles } from '@multitrack/auth';
import { ApiProblemResponses, ApiQueryResponses } from '@multitrack/platform';
import type { MatchView } from '@multitrack/read-models';
import { CoordinationProblemsInterceptor } from '../../http/coordination-problems.interceptor';
import { MinRevisionQuery } from '../../http/dto/min-revision.query';
import { etagOf } from '../../http/if-match';
import { MatchViewDto } from './match-view.dto';
import { GetMatch } from './get-match.handler';

@ApiTags('matches')
@Controller('v1/matches')
export class GetMatchController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @Roles('officer', 'auditor', 'ngo')
  @UseInterceptors(CoordinationProblemsInterceptor)
  @ApiOperation({
    summary: 'A match with its money and tranches (officer, auditor, the matched NGO; other NGOs get 404)',
    description: 'From the matches read model. `?minRevision=N` waits up to 5 s for revision N, else 503.',
  })
  @ApiOkResponse({ type: MatchViewDto, headers: { ETag: { description: 'The match revision, e.g. `"3"`' } } })
  @ApiHeader({
    name: 'If-None-Match',
    required: false,
    description: 'Not used; the ETag is for If-Match on writes',
  })
  @ApiQueryResponses()
  @ApiProblemResponses(503)
  async get(
    @Param('id') matchId: string,
    @QueryParams() query: MinRevisionQuery,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MatchView> {
    const match = await this.queries.execute(new GetMatch(matchId, actor, query.minRevision));
    response.setHeader('ETag', etagOf(match.revision));
    return match;
  }
}
