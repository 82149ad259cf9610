import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '@multitrack/auth';
import type { EventStore } from '@multitrack/event-store';
import { ApiQueryResponses, EVENT_STORE } from '@multitrack/platform';
import { VisibleEvents } from '../events/visible-events';
import { FeedQuery } from '../http/page.query';
import { checkpointOfFeedCursor, feedCursorOf } from './feed-cursor';
import type { FeedPage } from './feed.view';
import { FeedPage as FeedPageSchema } from './feed.view';

/** An NGO may see few of many events: one page looks at this many at most, then hands back a cursor. */
const SCAN_PER_PAGE = 5_000;

@ApiTags('feed')
@Controller('v1/feed')
export class FeedController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly events: VisibleEvents,
  ) {}

  @Get()
  @Roles('officer', 'ngo', 'auditor', 'admin', 'witness')
  @ApiOperation({
    summary: 'The events the caller may see, in global order, as CloudEvents 1.0 JSON. Any role.',
  })
  @ApiOkResponse({ type: FeedPageSchema })
  @ApiQueryResponses()
  async feed(@Query() { after, limit = 50 }: FeedQuery, @CurrentActor() actor: Actor): Promise<FeedPage> {
    const from = after === undefined ? undefined : checkpointOfFeedCursor(after);
    const items: FeedPage['items'] = [];
    let last = from;
    let scanned = 0;
    let more = false;
    for await (const event of this.store.readAll({ from, batchSize: Math.min(1000, limit * 4) })) {
      if (items.length === limit || scanned === SCAN_PER_PAGE) {
        more = true;
        break;
      }
      scanned += 1;
      last = event.checkpoint;
      if (await this.events.visibleTo(actor, event)) items.push(this.events.cloudEventOf(event));
    }
    const lastCursor = last === undefined ? null : feedCursorOf(last);
    return { items, nextCursor: more ? lastCursor : null, lastCursor };
  }
}
