import type { SqlExecutor } from '@multitrack/database';
import type { EventStore } from '@multitrack/event-store';
import { readLogFrom, toAuditEvent } from '../history/read-log-from';

export interface LogFilter {
  fromPosition?: number;
  /** Stream category: the part of the stream id before the first dash. */
  category?: string;
  /** Recorded at or after / at or before. */
  from?: Date;
  to?: Date;
}

/** The log as NDJSON, one event per line, exactly as `GET /v1/audit/events` shows events. */
export async function* logNdjson(
  store: EventStore,
  db: SqlExecutor,
  filter: LogFilter,
): AsyncGenerator<string> {
  const prefix = filter.category ? `${filter.category}-` : undefined;
  for await (const event of readLogFrom(store, db, filter.fromPosition)) {
    if (prefix && !event.streamId.startsWith(prefix)) continue;
    if (filter.from && event.recordedAt < filter.from) continue;
    if (filter.to && event.recordedAt > filter.to) continue;
    yield `${JSON.stringify(toAuditEvent(event))}\n`;
  }
}
