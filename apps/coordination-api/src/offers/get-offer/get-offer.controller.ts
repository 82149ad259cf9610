import { Controller, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '@multitrack/auth';
import { MinRevisionQuery } from '../../http/dto/min-revision.query';
import { EntityReadEndpoint } from '../../http/entity-read';
import { QueryController } from '../../http/query-controller';
import { OfferView } from '../offer.view';
import { GetOfferQuery } from './get-offer.handler';

@ApiTags('offers')
@Controller('v1/offers')
export class GetOfferController extends QueryController {
  @EntityReadEndpoint(OfferView, {
    roles: ['officer', 'auditor', 'ngo'],
    summary: 'One offer. Roles: officer, auditor, the offering ngo (other NGOs get 404). ETag = revision.',
  })
  get(@Param('id') id: string, @Query() query: MinRevisionQuery, @CurrentActor() actor: Actor) {
    return this.queries.execute(new GetOfferQuery(id, actor, query.minRevision));
  }
}
