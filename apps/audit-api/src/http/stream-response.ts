import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { HttpReply } from '@multitrack/platform';

/**
 * Streams chunks as they come, with the socket's back-pressure, so that nothing larger than one
 * chunk is held in memory; resolves once the answer is out (heavy work is bounded by it). An
 * error before the first chunk is thrown (a problem+json answer); after it, the connection is
 * cut, so a client never takes a truncated export for a whole one.
 */
export const streamResponse = async (
  reply: HttpReply,
  contentType: string,
  chunks: AsyncIterable<string>,
  headers: Record<string, string> = {},
): Promise<void> => {
  const iterator = chunks[Symbol.asyncIterator]();
  const first = await iterator.next();
  async function* all(): AsyncGenerator<string> {
    if (first.done) return;
    yield first.value;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  void reply
    .status(200)
    .headers({ 'content-type': contentType, ...headers })
    .send(Readable.from(all(), { objectMode: false }));
  await finished(reply.raw).catch(() => undefined);
};
