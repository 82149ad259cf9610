import { ROOT_CONTEXT, trace, type Context, type Link, type SpanContext } from '@opentelemetry/api';
import { spanContextOf } from './trace-context';

/**
 * Where a span over a batch of messages sits among the traces the messages came from: the child
 * of the one command they all share (the usual case: one command, its events, one batch), or the
 * root of a trace of its own with a link to each command's span when they come from several.
 * Never under whatever happens to be active: with the in-process bus that is the publisher's span.
 */
export const batchSpanStart = (
  traceparents: Iterable<string | undefined>,
): { parent: Context; links: Link[] } => {
  const sources = new Map<string, SpanContext>();
  for (const traceparent of traceparents) {
    const source = spanContextOf(traceparent);
    if (source) sources.set(`${source.traceId}-${source.spanId}`, source);
  }
  const [only, ...others] = sources.values();
  if (only && others.length === 0) return { parent: trace.setSpanContext(ROOT_CONTEXT, only), links: [] };
  return { parent: ROOT_CONTEXT, links: [...sources.values()].map((source) => ({ context: source })) };
};
