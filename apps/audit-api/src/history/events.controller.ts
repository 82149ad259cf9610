import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { Database } from '@multitrack/database';
import type { EventStore } from '@multitrack/event-store';
import { DATABASE, EVENT_STORE } from '@multitrack/platform';
import { AuditRoute } from '../http/audit-route';
import { AuditedStreamId } from '../http/stream-id';
import { Recorded, RecordedRead } from '../recording/recorded-read';
import { AuditEventPageResponse, StreamEventPageResponse } from './audit-event.response';
import { LogPageQuery, StreamPageQuery } from '../http/queries';
import { AuditEvent, readLogFrom, toAuditEvent } from './read-log-from';

export interface AuditEventPage {
  items: AuditEvent[];
  /** The position the next page starts at; null at the current end of the log. */
  nextFromPosition: number | null;
  nextCursor: string | null;
}

@Controller('v1/audit')
export class EventsController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATABASE) private readonly db: Database,
  ) {}

  /** The global log in order, as stored. */
  @Get('events')
  @AuditRoute('auditor')
  @ApiOperation({ summary: 'The global log in order' })
  @ApiOkResponse({ type: AuditEventPageResponse })
  events(@Query() query: LogPageQuery, @Recorded() read: RecordedRead): Promise<AuditEventPage> {
    return read.light(query, async () => {
      const limit = query.limit ?? 50;
      const items: AuditEvent[] = [];
      let next: number | null = null;
      for await (const event of readLogFrom(
        this.store,
        this.db,
        query.cursor !== undefined ? Number(query.cursor) : query.fromPosition,
      )) {
        if (items.length === limit) {
          next = event.position;
          break;
        }
        items.push(toAuditEvent(event));
      }
      return { items, nextFromPosition: next, nextCursor: next === null ? null : String(next) };
    });
  }

  /** One stream's history, by revision. */
  @Get('streams/:streamId/events')
  @AuditRoute('auditor')
  @ApiOperation({ summary: "One stream's history, by revision" })
  @ApiOkResponse({
    type: StreamEventPageResponse,
    description: 'An unknown stream has no events: an empty page',
  })
  stream(
    @Param('streamId', AuditedStreamId) streamId: string,
    @Query() query: StreamPageQuery,
    @Recorded() read: RecordedRead,
  ): Promise<{ streamId: string; items: AuditEvent[]; nextCursor: string | null }> {
    return read.light({ streamId, ...query }, async () => {
      const limit = query.limit ?? 50;
      const fromRevision = query.cursor === undefined ? 0 : Number(query.cursor);
      const events = await this.store.readStream(streamId, {
        fromRevision,
        maxCount: limit + 1,
        asStored: true,
      });
      const items = events.slice(0, limit).map(toAuditEvent);
      return { streamId, items, nextCursor: events.length > limit ? String(fromRevision + limit) : null };
    });
  }
}
