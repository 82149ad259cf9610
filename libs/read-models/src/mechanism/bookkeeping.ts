import type { SqlExecutor } from '@multitrack/database';

/**
 * Tables every read model schema carries beside its own: the last applied revision of every stream
 * it has seen (so a redelivered or re-published event changes nothing) and the consumed offset of
 * every partition (so a crash between the database commit and Kafka's offset commit changes
 * nothing). Living in the model's schema, they are swapped together with its tables on a rebuild.
 */
export const bookkeepingDdl = (schema: string): string => `
  CREATE TABLE ${schema}.stream_revisions (stream_id text PRIMARY KEY, revision int8 NOT NULL, position int8 NOT NULL);
  CREATE TABLE ${schema}.consumer_offsets (
    group_id text NOT NULL, topic text NOT NULL, partition int NOT NULL, next_offset int8 NOT NULL,
    PRIMARY KEY (group_id, topic, partition));
  CREATE TABLE ${schema}.progress (id int PRIMARY KEY DEFAULT 1, position int8 NOT NULL, recorded_at timestamptz NOT NULL);`;

export const loadRevisions = async (
  tx: SqlExecutor,
  schema: string,
  streamIds: string[],
): Promise<Map<string, number>> => {
  const { rows } = await tx.query<{ stream_id: string; revision: number }>(
    `SELECT stream_id, revision FROM ${schema}.stream_revisions WHERE stream_id = ANY($1::text[])`,
    [streamIds],
  );
  return new Map(rows.map((row) => [row.stream_id, Number(row.revision)]));
};

/**
 * Records, in one statement, the last applied revision of every stream the batch changed and the
 * newest position applied (`progress`, which only moves forward).
 */
export const saveApplied = async (
  tx: SqlExecutor,
  schema: string,
  revisions: Map<string, { revision: number; position: number }>,
  newest: { position: number; recordedAt: string },
): Promise<void> => {
  const values = [...revisions.values()];
  await tx.query(
    `WITH revisions AS (
       INSERT INTO ${schema}.stream_revisions (stream_id, revision, position)
       SELECT * FROM unnest($1::text[], $2::int8[], $3::int8[])
       ON CONFLICT (stream_id) DO UPDATE SET revision = excluded.revision, position = excluded.position)
     INSERT INTO ${schema}.progress (id, position, recorded_at) VALUES (1, $4, $5)
     ON CONFLICT (id) DO UPDATE SET position = GREATEST(${schema}.progress.position, excluded.position),
       recorded_at = CASE WHEN excluded.position > ${schema}.progress.position THEN excluded.recorded_at
                          ELSE ${schema}.progress.recorded_at END`,
    [
      [...revisions.keys()],
      values.map((v) => v.revision),
      values.map((v) => v.position),
      newest.position,
      newest.recordedAt,
    ],
  );
};

export interface StoredOffset {
  topic: string;
  partition: number;
  nextOffset: string;
}

export const loadOffsets = async (
  tx: SqlExecutor,
  schema: string,
  groupId: string,
): Promise<StoredOffset[]> => {
  const { rows } = await tx.query<{ topic: string; partition: number; next_offset: number }>(
    `SELECT topic, partition, next_offset FROM ${schema}.consumer_offsets WHERE group_id = $1`,
    [groupId],
  );
  return rows.map((row) => ({
    topic: row.topic,
    partition: Number(row.partition),
    nextOffset: String(row.next_offset),
  }));
};

/** Forgets a group's stored offsets: they belonged to a bus whose offsets did not survive. */
export const forgetOffsets = async (tx: SqlExecutor, schema: string, groupId: string): Promise<void> => {
  await tx.query(`DELETE FROM ${schema}.consumer_offsets WHERE group_id = $1`, [groupId]);
};

export const saveOffset = async (tx: SqlExecutor, schema: string, groupId: string, offset: StoredOffset) => {
  await tx.query(
    `INSERT INTO ${schema}.consumer_offsets (group_id, topic, partition, next_offset) VALUES ($1, $2, $3, $4)
     ON CONFLICT (group_id, topic, partition) DO UPDATE SET next_offset = excluded.next_offset`,
    [groupId, offset.topic, offset.partition, offset.nextOffset],
  );
};

/** The next offset to apply for one partition, locked until the batch's transaction ends. */
export const lockOffset = async (
  tx: SqlExecutor,
  schema: string,
  groupId: string,
  topic: string,
  partition: number,
): Promise<string | undefined> => {
  const { rows } = await tx.query<{ next_offset: number }>(
    `SELECT next_offset FROM ${schema}.consumer_offsets WHERE group_id = $1 AND topic = $2 AND partition = $3 FOR UPDATE`,
    [groupId, topic, partition],
  );
  return rows[0] ? String(rows[0].next_offset) : undefined;
};
