import { Database } from '@multitrack/database';
import { NewEvent } from '@multitrack/event-store';

/**
 * The floor the event store is measured against: plain INSERTs and SELECTs of the same payload on
 * the same database, with no lock, no revision check, no hash and no gap-free cursor.
 */
export const rawBaseline = async (db: Database) => {
  await db.exec(`CREATE TABLE IF NOT EXISTS bench_raw (
    id bigserial PRIMARY KEY, stream_id text NOT NULL, type text NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL)`);
  const row = (streamId: string, event: NewEvent) => [
    streamId,
    event.type,
    JSON.stringify(event.data),
    JSON.stringify(event.metadata),
  ];
  return {
    async insert(streamId: string, events: NewEvent[]): Promise<number> {
      const params = events.flatMap((event) => row(streamId, event));
      const values = events.map(
        (_, i) => `($${i * 4 + 1}, $${i * 4 + 2}, $${i * 4 + 3}::jsonb, $${i * 4 + 4}::jsonb)`,
      );
      await db.query(
        `INSERT INTO bench_raw (stream_id, type, data, metadata) VALUES ${values.join(', ')}`,
        params,
      );
      return events.length;
    },
    async readAll(batchSize: number): Promise<number> {
      let after = 0;
      let read = 0;
      for (;;) {
        const { rows } = await db.query<{ id: number }>(
          'SELECT id, stream_id, type, data, metadata FROM bench_raw WHERE id > $1 ORDER BY id LIMIT $2',
          [after, batchSize],
        );
        read += rows.length;
        if (rows.length < batchSize) return read;
        after = rows[rows.length - 1].id;
      }
    },
  };
};
