import type { Database } from '@multitrack/database';
import type { EventStore, RecordedEvent } from '@multitrack/event-store';
import { readModels } from '@multitrack/read-models';
import { topicForStream } from '@multitrack/messaging';

/**
 * Follows the event store and measures how far behind the read models are: the age of the oldest
 * event that some read model (of its topics) has not applied yet, per stream revision, which is
 * exact however Kafka's partitions interleave.
 */
export class LogWatch {
  readonly events: RecordedEvent[] = [];
  private checkpoint?: string;

  constructor(
    private readonly store: EventStore,
    private readonly db: Database,
  ) {}

  async refresh(): Promise<RecordedEvent[]> {
    for await (const event of this.store.readAll({ from: this.checkpoint, batchSize: 2000 })) {
      this.events.push(event);
      this.checkpoint = event.checkpoint;
    }
    return this.events;
  }

  /** Seconds; 0 when every read model shows every event. */
  async lagSeconds(now = Date.now()): Promise<number> {
    await this.refresh();
    let oldest = now;
    for (const model of readModels) {
      const { rows } = await this.db.query<{ stream_id: string; revision: string }>(
        `SELECT stream_id, revision FROM ${model.schema}.stream_revisions`,
      );
      const applied = new Map(rows.map((row) => [row.stream_id, Number(row.revision)]));
      for (const event of this.events) {
        if (!model.topics.includes(topicForStream(event.streamId))) continue;
        if ((applied.get(event.streamId) ?? -1) < event.revision)
          oldest = Math.min(oldest, event.recordedAt.getTime());
      }
    }
    return Math.max(0, (now - oldest) / 1000);
  }
}
