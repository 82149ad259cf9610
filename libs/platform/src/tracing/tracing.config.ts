import { z } from 'zod';

/**
 * Read by `startTracing`, not by the apps' own schemas: tracing is off unless an endpoint is set.
 * The OTLP exporter itself also honours the other standard `OTEL_EXPORTER_OTLP_*` variables
 * (headers, timeouts, the traces-only endpoint) and the SDK `OTEL_TRACES_SAMPLER(_ARG)`.
 */
export const tracingVariables = {
  /** Base URL of an OTLP/HTTP collector, e.g. `http://127.0.0.1:4318` (`/v1/traces` is appended). */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url('must be an absolute URL').optional(),
  /** Full URL for traces only; wins over OTEL_EXPORTER_OTLP_ENDPOINT. */
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.string().url('must be an absolute URL').optional(),
  /** `service.name` on every span; each app has its own default (`multitrack-relay`, …). */
  OTEL_SERVICE_NAME: z.string().optional(),
  /** `true` turns tracing off even with an endpoint set. */
  OTEL_SDK_DISABLED: z.enum(['true', 'false']).optional(),
};

export const tracingConfig = z.object(tracingVariables);

export type TracingConfig = z.output<typeof tracingConfig>;
