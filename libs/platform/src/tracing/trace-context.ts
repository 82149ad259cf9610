import {
  defaultTextMapGetter,
  defaultTextMapSetter,
  ROOT_CONTEXT,
  trace,
  type Context,
  type SpanContext,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

// The propagator itself, not the global one: event metadata and bus headers carry W3C trace
// context whether or not an SDK was registered in this process.
const w3c = new W3CTraceContextPropagator();

/** The W3C `traceparent` of the span in `context`; undefined when there is no valid span. */
export const traceparentOf = (context: Context): string | undefined => {
  const carrier: Record<string, string> = {};
  w3c.inject(context, carrier, defaultTextMapSetter);
  return carrier.traceparent;
};

/** `base` with the remote span of `traceparent` as its parent; `base` itself when it is absent or malformed. */
export const traceContextOf = (traceparent: string | undefined, base: Context = ROOT_CONTEXT): Context =>
  traceparent === undefined ? base : w3c.extract(base, { traceparent }, defaultTextMapGetter);

/** The remote span a `traceparent` names, for links; undefined when it is absent or malformed. */
export const spanContextOf = (traceparent: string | undefined): SpanContext | undefined =>
  traceparent === undefined ? undefined : trace.getSpanContext(traceContextOf(traceparent));
