import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { EventStore } from '@multitrack/event-store';
import { EVENT_STORE, ProblemException, statusProblem } from '@multitrack/platform';
import { AuditRoute } from '../http/audit-route';
import { AuditedStreamId } from '../http/stream-id';
import { Recorded, RecordedRead } from '../recording/recorded-read';
import { AsOfQuery } from '../http/queries';
import { EntityAsOf, entityAsOf } from './entity-as-of';
import { EntityAsOfResponse } from './entity-as-of.response';

@Controller('v1/audit/entities')
export class EntitiesController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The entity's state as it was at `asOf` (default: now), rebuilt from its events. */
  @Get(':streamId')
  @AuditRoute('auditor')
  @ApiOperation({ summary: 'An entity rebuilt from its events recorded at or before `asOf`' })
  @ApiOkResponse({ type: EntityAsOfResponse })
  entity(
    @Param('streamId', AuditedStreamId) streamId: string,
    @Query() query: AsOfQuery,
    @Recorded() read: RecordedRead,
  ): Promise<EntityAsOf> {
    return read.light({ streamId, ...query }, async () => {
      const asOf = query.asOf ? new Date(query.asOf) : new Date();
      const found = await entityAsOf(this.store, streamId, asOf);
      if (!found)
        throw new ProblemException(
          statusProblem(
            404,
            `${streamId} is no entity stream (organisation, request, offer, match, approval authority or release window) with an event recorded at or before ${asOf.toISOString()}`,
          ),
        );
      return found;
    });
  }
}
