import type { RequestStatus } from '@multitrack/read-models';
import { CountryFilter, StatusFilter, TrackFilter } from '../../http/dto/filters';
import { PageQuery } from '../../http/dto/page.query';

export class ListRequestsQueryDto extends PageQuery {
  @StatusFilter(['open', 'matched', 'closed', 'cancelled']) status?: RequestStatus;
  @TrackFilter() track?: number;
  @CountryFilter() country?: string;
}
