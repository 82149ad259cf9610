import { trace, type Tracer } from '@opentelemetry/api';

export const TRACER_NAME = 'multitrack';

/**
 * Asked for on every use rather than kept: a tracer obtained before `startTracing` (or before a
 * test's `recordSpans`) would stay a no-op, and one kept across tests would outlive its provider.
 */
export const tracer = (): Tracer => trace.getTracer(TRACER_NAME);
