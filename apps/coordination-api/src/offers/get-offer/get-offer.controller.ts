import { Controller, Get, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '@multitrack/auth';
import { ApiProblemResponses, ApiQueryResponses } from '@multitrack/platform';
import type { Response } from 'express';
import { MinRevisionQuery } from '../../http/dto/min-revision.query';
import { etagOf } from '../../http/if-match';
import { OfferView } from '../offer.view';
import { GetOfferQuery } from './get-offer.handler';

@ApiTags('offers')
@Controller('v1/offers')
export class GetOfferController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @Roles('officer', 'auditor', 'ngo')
  @ApiOperation({ summary: 'One offer. Roles: officer, auditor, the offering ngo (other NGOs get 404). ETag = revision.' })
  @ApiOkResponse({ type: OfferView })
  @ApiQueryResponses()
  @ApiProblemResponses(503)
  async get(
    @Param('id') id: string,
    @Query() query: MinRevisionQuery,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ) {
    const offer = await this.queries.execute(new GetOfferQuery(id, actor, query.minRevision));
    if (!offer) throw new NotFoundException(`no offer ${id}`);
    response.setHeader('ETag', etagOf(offer.revision));
    return offer;
  }
}
