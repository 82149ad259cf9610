/** Where a reader of the PostgreSQL global log stands: after (transaction id, global position). */
export interface LogCursor {
  transactionId: string;
  position: number;
}

export const logStart: LogCursor = { transactionId: '0', position: 0 };

export const encodeCheckpoint = ({ transactionId, position }: LogCursor): string =>
  `pg:${transactionId}:${position}`;

export const decodeCheckpoint = (checkpoint: string | undefined): LogCursor => {
  if (checkpoint === undefined) return logStart;
  const match = /^pg:(\d+):(\d+)$/.exec(checkpoint);
  if (!match) throw new Error(`not a PostgreSQL event store checkpoint: ${checkpoint}`);
  return { transactionId: match[1], position: Number(match[2]) };
};
