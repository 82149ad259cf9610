import { Controller, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '@multitrack/auth';
import type { Response } from 'express';
import { MinRevisionQuery } from '../../http/dto/min-revision.query';
import { EntityReadEndpoint, withETag } from '../../http/entity-read';
import { OfferView } from '../offer.view';
import { GetOfferQuery } from './get-offer.handler';

@ApiTags('offers')
@Controller('v1/offers')
export class GetOfferController {
  constructor(private readonly queries: QueryBus) {}

  @EntityReadEndpoint(OfferView, {
    roles: ['officer', 'auditor', 'ngo'],
    summary: 'One offer. Roles: officer, auditor, the offering ngo (other NGOs get 404). ETag = revision.',
  })
  async get(
    @Param('id') id: string,
    @Query() query: MinRevisionQuery,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ) {
    return withETag(
      response,
      await this.queries.execute(new GetOfferQuery(id, actor, query.minRevision)),
      `no offer ${id}`,
    );
  }
}
