import { CountryFilter, TrackFilter } from '../../http/dto/filters';

export class CooperationMetricsQueryDto {
  @TrackFilter() track?: number;
  @CountryFilter() country?: string;
}
