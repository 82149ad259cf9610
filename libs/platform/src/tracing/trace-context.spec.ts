import { ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { spanContextOf, traceContextOf, traceparentOf } from './trace-context';

const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('W3C trace context, without any SDK registered', () => {
  it('reads a traceparent into the span it names and writes it back unchanged', () => {
    const context = traceContextOf(traceparent);
    expect(trace.getSpanContext(context)).toMatchObject({
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
      isRemote: true,
    });
    expect(traceparentOf(context)).toBe(traceparent);
  });

  it('ignores an absent or malformed traceparent', () => {
    expect(traceContextOf(undefined)).toBe(ROOT_CONTEXT);
    expect(spanContextOf('00-not-a-trace-01')).toBeUndefined();
    expect(traceparentOf(ROOT_CONTEXT)).toBeUndefined();
  });

  it('gives a no-op span started under a traceparent that same traceparent', () => {
    const parent = traceContextOf(traceparent);
    const span = trace.getTracer('test').startSpan('work', {}, parent);
    expect(traceparentOf(trace.setSpan(parent, span))).toBe(traceparent);
  });
});
