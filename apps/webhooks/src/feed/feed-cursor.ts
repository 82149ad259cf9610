import { validationProblem } from '@multitrack/platform';

const PREFIX = 'f1:';
// The stores' own checkpoints (PostgreSQL and PGlite, EventStoreDB): durable, so a cursor outlives restarts.
const CHECKPOINT = /^(pg|esdb):\d+:\d+$/;

/** A feed cursor is the store's checkpoint after the last event the page looked at, wrapped. */
export const feedCursorOf = (checkpoint: string): string =>
  Buffer.from(PREFIX + checkpoint).toString('base64url');

export const checkpointOfFeedCursor = (cursor: string): string => {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const checkpoint = text.slice(PREFIX.length);
  if (!text.startsWith(PREFIX) || !CHECKPOINT.test(checkpoint))
    throw validationProblem([{ field: 'after', message: 'after must be a cursor this feed returned' }]);
  return checkpoint;
};
