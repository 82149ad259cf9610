import {
  context,
  SpanStatusCode,
  trace,
  type Context,
  type Span,
  type SpanOptions,
} from '@opentelemetry/api';
import { tracer } from './tracer';

export interface SpanStart extends SpanOptions {
  /** The context the span is a child of; the active one when absent. */
  parent?: Context;
}

/**
 * Runs `work` inside a new span, made active for everything it awaits, and ends the span when it
 * settles; a throw is recorded on the span (status ERROR) and rethrown. `work` also gets the
 * span's context explicitly: without a registered SDK nothing is active, yet an incoming
 * traceparent must still reach the event metadata.
 */
export const withSpan = async <T>(
  name: string,
  start: SpanStart,
  work: (span: Span, traced: Context) => Promise<T>,
): Promise<T> => {
  const { parent = context.active(), ...options } = start;
  const span = tracer().startSpan(name, options, parent);
  const traced = trace.setSpan(parent, span);
  try {
    return await context.with(traced, () => work(span, traced));
  } catch (error) {
    markFailed(span, error);
    throw error;
  } finally {
    span.end();
  }
};

export const markFailed = (span: Span, error: unknown): void => {
  const failure = error instanceof Error ? error : new Error(String(error));
  span.recordException(failure);
  span.setStatus({ code: SpanStatusCode.ERROR, message: failure.message });
};
