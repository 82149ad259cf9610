import type { OfferStatus } from '@multitrack/read-models';
import { IdFilter, StatusFilter } from '../../http/dto/filters';
import { PageQuery } from '../../http/dto/page.query';

export class ListOffersQueryDto extends PageQuery {
  @IdFilter('Only the offers on this request') requestId?: string;
  @IdFilter('Only this organisation’s offers (an ngo sees only its own anyway)') organizationId?: string;
  @StatusFilter(['submitted', 'withdrawn', 'accepted', 'declined']) status?: OfferStatus;
}
