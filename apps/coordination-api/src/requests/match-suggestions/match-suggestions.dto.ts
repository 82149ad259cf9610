import { LimitFilter } from '../../http/dto/filters';

export class MatchSuggestionsQueryDto {
  @LimitFilter('How many of the best suggestions')
  limit?: number;
}
