import type { HttpReply, HttpRequest } from '../http/http-request';
import { StoredResponse } from './idempotency.store';

// Headers that belong to the answer itself; everything else (dates, request ids) is per response.
const REPLAYED_HEADERS = ['content-type', 'location'];

export const replayableHeaders = (reply: HttpReply): Record<string, string> =>
  Object.fromEntries(
    REPLAYED_HEADERS.flatMap((name) => {
      const value = reply.getHeader(name);
      return value === undefined ? [] : [[name, String(value)]];
    }),
  );

const parseSent = (payload: unknown): unknown => {
  const text = Buffer.isBuffer(payload) ? payload.toString('utf8') : payload;
  if (typeof text !== 'string') return text ?? null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

const isSerialised = (payload: unknown): boolean =>
  payload === undefined || payload === null || typeof payload === 'string' || Buffer.isBuffer(payload);

interface Capture {
  keep(answer: StoredResponse): Promise<void>;
  abandon(): Promise<void>;
}

const captures = new WeakMap<HttpRequest, Capture>();
const ignore = () => undefined;

/**
 * Hands the answer the client is about to get — after every interceptor, pipe and exception
 * filter had their say — to `keep` (in `keepCapturedAnswer`, Fastify's `onSend`), and sends it
 * only once `keep` is done, so a client that retries the moment it has the answer finds it stored.
 * A response that ends without one (a stream, a dropped connection) is `abandon`ed instead.
 */
export const captureAnswer = (
  request: HttpRequest,
  reply: HttpReply,
  keep: (answer: StoredResponse) => Promise<void>,
  abandon: () => Promise<void>,
): void => {
  captures.set(request, { keep, abandon });
  reply.raw.once('close', () => {
    if (captures.delete(request)) void abandon().catch(ignore);
  });
};

/** Fastify `onSend` hook (registered by createHttpApp): keeps a captured answer, then lets it go. */
export const keepCapturedAnswer = async (
  request: HttpRequest,
  reply: HttpReply,
  payload: unknown,
): Promise<unknown> => {
  const capture = captures.get(request);
  if (!capture) return payload;
  captures.delete(request);
  if (!isSerialised(payload)) {
    await capture.abandon().catch(ignore);
    return payload;
  }
  await capture
    .keep({ status: reply.statusCode, headers: replayableHeaders(reply), body: parseSent(payload) })
    .catch(() => capture.abandon())
    .catch(ignore);
  return payload;
};
