import type { OfferStatus } from '@multitrack/read-models';
import { StatusFilter } from '../../http/dto/filters';
import { PageQuery } from '../../http/dto/page.query';

export class ListRequestOffersQueryDto extends PageQuery {
  @StatusFilter(['submitted', 'withdrawn', 'accepted', 'declined']) status?: OfferStatus;
}
