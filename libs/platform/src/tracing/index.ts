export { startTracing, Tracing } from './start-tracing';
export { tracingVariables, tracingConfig, TracingConfig } from './tracing.config';
export { TracingModule } from './tracing.module';
export { tracer, TRACER_NAME } from './tracer';
export { withSpan, markFailed, SpanStart } from './with-span';
export { traceparentOf, traceContextOf, spanContextOf } from './trace-context';
export { batchSpanStart } from './batch-span';
export { recordSpans, SpanRecorder } from './record-spans';
