import { context, propagation, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  InMemorySpanExporter,
  NodeTracerProvider,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-node';

export interface SpanRecorder {
  /** Every span ended since the recorder started (or was reset), oldest first. */
  spans(): ReadableSpan[];
  reset(): void;
  /** Unregisters the SDK, so the process is back to the no-op tracer. */
  stop(): Promise<void>;
}

/**
 * For tests: the same registration as `startTracing`, with the spans kept in memory instead of
 * sent anywhere. One recorder at a time per process (the OpenTelemetry API has one global).
 */
export const recordSpans = (): SpanRecorder => {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  return {
    spans: () => exporter.getFinishedSpans(),
    reset: () => exporter.reset(),
    async stop() {
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
};
