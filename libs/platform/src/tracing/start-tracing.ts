import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { loadConfig } from '../config/load-config';
import { tracingConfig } from './tracing.config';

export interface Tracing {
  /** Whether spans leave this process (an OTLP endpoint is configured). */
  readonly exporting: boolean;
  /** Sends what is still buffered, then stops; spans ended afterwards are dropped. */
  shutdown(): Promise<void>;
}

const off: Tracing = { exporting: false, shutdown: async () => undefined };

/**
 * Called first thing by every `main.ts`. Without `OTEL_EXPORTER_OTLP_ENDPOINT` (or the traces-only
 * endpoint) nothing is registered: the API's no-op tracer costs an object per span and sends
 * nothing anywhere. With it, spans are batched and sent over OTLP/HTTP to that endpoint only, and
 * W3C trace context is the one propagation format.
 */
export const startTracing = (
  defaultServiceName: string,
  env: Record<string, string | undefined> = process.env,
): Tracing => {
  const config = loadConfig(tracingConfig, env);
  const url = config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? tracesUrlUnder(config.OTEL_EXPORTER_OTLP_ENDPOINT);
  if (url === undefined || config.OTEL_SDK_DISABLED === 'true') return off;
  const provider = new NodeTracerProvider({
    resource: defaultResource().merge(
      resourceFromAttributes({ [ATTR_SERVICE_NAME]: config.OTEL_SERVICE_NAME ?? defaultServiceName }),
    ),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url }))],
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  return { exporting: true, shutdown: () => provider.shutdown() };
};

/** The OTLP/HTTP specification's rule for the signal-neutral endpoint. */
const tracesUrlUnder = (base: string | undefined): string | undefined =>
  base === undefined ? undefined : `${base.replace(/\/+$/, '')}/v1/traces`;
