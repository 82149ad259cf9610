import { context, propagation, trace } from '@opentelemetry/api';
import { startTracing } from './start-tracing';

const recording = () => trace.getTracer('probe').startSpan('probe').isRecording();

describe('startTracing', () => {
  afterEach(() => {
    trace.disable();
    context.disable();
    propagation.disable();
  });

  it('registers nothing when no collector endpoint is configured', async () => {
    const tracing = startTracing('multitrack-test', {});
    expect(tracing.exporting).toBe(false);
    expect(recording()).toBe(false);
    await tracing.shutdown();
  });

  it('stays off when OTEL_SDK_DISABLED is true, endpoint or not', () => {
    expect(
      startTracing('multitrack-test', {
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318',
        OTEL_SDK_DISABLED: 'true',
      }).exporting,
    ).toBe(false);
    expect(recording()).toBe(false);
  });

  it('records spans once an endpoint is configured (nothing is sent until a span ends)', async () => {
    const tracing = startTracing('multitrack-test', { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' });
    expect(tracing.exporting).toBe(true);
    expect(recording()).toBe(true);
    await tracing.shutdown();
  });
});
