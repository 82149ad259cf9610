import type { Response } from 'express';
import { once } from 'node:events';

/**
 * Writes chunks as they come, waiting for the socket to drain, so that nothing larger than one
 * chunk is held in memory. An error before the first chunk is thrown (a problem+json answer);
 * after it, the connection is cut, so a client never takes a truncated export for a whole one.
 */
export const streamResponse = async (
  response: Response,
  contentType: string,
  chunks: AsyncIterable<string>,
  headers: Record<string, string> = {},
): Promise<void> => {
  let started = false;
  try {
    for await (const chunk of chunks) {
      if (!started) {
        response.status(200).set({ 'Content-Type': contentType, ...headers });
        started = true;
      }
      if (!response.write(chunk)) await Promise.race([once(response, 'drain'), once(response, 'close')]);
      if (response.destroyed) return;
    }
    if (!started) response.status(200).set({ 'Content-Type': contentType, ...headers });
    response.end();
  } catch (error) {
    if (!started) throw error;
    response.destroy(error instanceof Error ? error : new Error(String(error)));
  }
};
