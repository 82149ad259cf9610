import { SpanStatusCode, trace } from '@opentelemetry/api';
import { recordSpans, type SpanRecorder } from './record-spans';
import { traceContextOf } from './trace-context';
import { withSpan } from './with-span';

describe('withSpan', () => {
  let recorder: SpanRecorder;
  beforeEach(() => (recorder = recordSpans()));
  afterEach(() => recorder.stop());

  it('makes the span active for what the work awaits, and ends it', async () => {
    await withSpan('outer', {}, async () => {
      await Promise.resolve();
      await withSpan('inner', {}, async () => undefined);
    });
    const [inner, outer] = recorder.spans();
    expect(inner.parentSpanContext?.spanId).toBe(outer.spanContext().spanId);
    expect(inner.spanContext().traceId).toBe(outer.spanContext().traceId);
  });

  it('continues the trace of an explicit parent', async () => {
    await withSpan(
      'child',
      { parent: traceContextOf('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01') },
      async () => undefined,
    );
    expect(recorder.spans()[0].spanContext().traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
  });

  it('records a failure on the span and rethrows it', async () => {
    await expect(
      withSpan('failing', {}, async () => Promise.reject(new Error('store away'))),
    ).rejects.toThrow('store away');
    const [span] = recorder.spans();
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'store away' });
    expect(span.events.map((event) => event.name)).toEqual(['exception']);
    expect(trace.getActiveSpan()).toBeUndefined();
  });
});
