import { Controller, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '@multitrack/auth';
import { MinRevisionQuery } from '../../http/dto/min-revision.query';
import { EntityReadEndpoint } from '../../http/entity-read';
import { QueryController } from '../../http/query-controller';
import { MatchViewDto } from './match-view.dto';
import { GetMatchQuery } from './get-match.handler';

@ApiTags('matches')
@Controller('v1/matches')
export class GetMatchController extends QueryController {
  @EntityReadEndpoint(MatchViewDto, {
    roles: ['officer', 'auditor', 'ngo'],
    summary: 'A match with its money and tranches (officer, auditor, the matched NGO; other NGOs get 404)',
  })
  get(@Param('id') matchId: string, @Query() query: MinRevisionQuery, @CurrentActor() actor: Actor) {
    return this.queries.execute(new GetMatchQuery(matchId, actor, query.minRevision));
  }
}
