import type { MatchView } from '@multitrack/read-models';
import { IdFilter, StatusFilter } from '../../http/dto/filters';
import { PageQuery } from '../../http/dto/page.query';

export class ListMatchesQueryDto extends PageQuery {
  @IdFilter('Only the matches of this request') requestId?: string;
  @IdFilter('Only this organisation’s matches (an ngo sees only its own anyway)') organizationId?: string;
  @StatusFilter(['active', 'completed', 'cancelled']) status?: MatchView['status'];
}
