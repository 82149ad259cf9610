import type { OrganizationStatus } from '@multitrack/read-models';
import { CountryFilter, StatusFilter, TrackFilter } from '../../http/dto/filters';
import { PageQuery } from '../../http/dto/page.query';

export class ListOrganizationsQueryDto extends PageQuery {
  @StatusFilter(['pending', 'vetted', 'rejected', 'suspended']) status?: OrganizationStatus;
  @CountryFilter() country?: string;
  @TrackFilter() track?: number;
}
