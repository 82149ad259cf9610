import { ConfigError } from '../config/load-config';
import { problemsAcrossVariables, type HttpAppConfig } from '../config/variables';

/**
 * Where GET /metrics is served (decision 0186): on a listener of its own, on the API port to
 * anyone, or nowhere. Per-route counts and the relay's position are for the operator's scraper,
 * not for whoever can reach the API.
 */
export type MetricsExposure =
  { kind: 'own-port'; port: number; host: string } | { kind: 'api-port' } | { kind: 'none' };

/**
 * Reads the METRICS_* variables. `parseConfig` has refused contradictions already; they are
 * checked again for a configuration built without it.
 */
export const metricsExposureOf = (config: HttpAppConfig): MetricsExposure => {
  const problems = problemsAcrossVariables(config);
  if (problems.length > 0) throw new ConfigError(problems);
  if (config.METRICS_PORT === undefined) return { kind: config.METRICS_PUBLIC ? 'api-port' : 'none' };
  return { kind: 'own-port', port: config.METRICS_PORT, host: config.METRICS_HOST ?? config.HOST };
};
