import type { Response } from 'express';
import { StoredResponse } from './idempotency.store';

// Headers that belong to the answer itself; everything else (dates, request ids) is per response.
const REPLAYED_HEADERS = ['content-type', 'location'];

export const replayableHeaders = (response: Response): Record<string, string> =>
  Object.fromEntries(
    REPLAYED_HEADERS.flatMap((name) => {
      const value = response.getHeader(name);
      return value === undefined ? [] : [[name, String(value)]];
    }),
  );

const parseSent = (chunk: unknown): unknown => {
  const text = Buffer.isBuffer(chunk) ? chunk.toString('utf8') : chunk;
  if (typeof text !== 'string') return text ?? null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

const isSerialised = (chunk: unknown): boolean =>
  chunk === undefined || chunk === null || typeof chunk === 'string' || Buffer.isBuffer(chunk);

/**
 * Hands the answer the client is about to get — after every interceptor, pipe and exception
 * filter had their say — to `keep`, and sends it only once `keep` is done, so a client that
 * retries the moment it has the answer finds it stored. A response that ends without `send`
 * (a stream, a dropped connection) is `abandon`ed instead.
 */
export const captureAnswer = (
  response: Response,
  keep: (answer: StoredResponse) => Promise<void>,
  abandon: () => Promise<void>,
): void => {
  const send = response.send.bind(response);
  let captured = false;
  response.send = ((chunk?: unknown) => {
    // Express serialises objects through `json`, which calls `send` again with the text.
    if (captured || !isSerialised(chunk)) return send(chunk);
    captured = true;
    const answer = {
      status: response.statusCode,
      headers: replayableHeaders(response),
      body: parseSent(chunk),
    };
    void keep(answer)
      .catch(() => abandon())
      .catch(() => undefined)
      .finally(() => send(chunk));
    return response;
  }) as Response['send'];
  response.once('close', () => {
    if (!captured) void abandon().catch(() => undefined);
  });
};
