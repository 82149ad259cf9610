// Configuration
export { ConfigError, parseConfig, loadConfig, exitOnConfigError } from './config/load-config';
export {
  httpVariables,
  authVariables,
  idempotencyVariables,
  documentVariables,
  storageVariables,
  kafkaVariables,
  disbursementVariables,
  auditVariables,
  personalDataVariables,
  httpAppConfig,
  HttpAppConfig,
} from './config/variables';

// Errors as RFC 9457 problem+json
export {
  Problem,
  FieldError,
  PROBLEM_TYPE_BASE,
  problemType,
  statusProblem,
  ProblemException,
  validationProblem,
} from './errors/problem';
export { DomainRuleViolation, throwIfDomainError } from './errors/domain-rule-violation';
export { toProblem, ProblemAnswer, STORE_RETRY_AFTER_S } from './errors/to-problem';
export { sendProblem } from './errors/send-problem';
export { ProblemFilter } from './errors/problem.filter';
export { DomainErrorInterceptor } from './errors/domain-error.interceptor';

// Validation
export { StrictValidationPipe, flattenValidationErrors } from './validation/validation-pipe';
export { isXmlText, xmlSafe, IsXmlText, XML_REPLACEMENT } from './validation/xml-text';

// Logging
export { createLogger, accessLog, requestIdFor, REDACTED_PATHS } from './logging/logging';

// Health and metrics
export { ReadinessChecks, ReadinessCheck } from './health/readiness-checks';
export { HealthController, READINESS_TIMEOUT_MS } from './health/health.controller';
export { Metrics } from './metrics/metrics';
export { recordHttpMetrics } from './metrics/http-metrics';
export { MetricsListener } from './metrics/metrics-listener';
export { metricsExposureOf, MetricsExposure } from './metrics/metrics-exposure';

// OpenAPI
export { ApiProblemResponses, ApiCommandResponses, ApiQueryResponses } from './openapi/api-responses';
export { ProblemSchema, FieldErrorSchema } from './openapi/problem.schema';
export { setupOpenApi, OpenApiInfo } from './openapi/setup-openapi';

// Rate limiting and the HTTP app
export { RateLimitGuard } from './rate-limit/rate-limit.guard';
export { AccessGuard } from './http/access.guard';
export { PlatformModule, PlatformOptions, authOptionsFrom } from './http/platform.module';
export { createHttpApp, bootstrapHttpApp, HttpApp, HttpAppOptions } from './http/create-http-app';
export { HttpRequest, HttpReply, routeTemplateOf, pathOf, BODY_LIMIT_BYTES } from './http/http-request';
export { closeGracefullyOnSignals, DRAIN_TIMEOUT_MS } from './http/graceful-shutdown';

// Idempotency-Key handling (owned separately; see idempotency/)
export * from './idempotency';

// Adapters opened by main.ts, injectable everywhere
export * from './infrastructure';

// OpenTelemetry: startTracing for main.ts, span helpers for the seams (see tracing/)
export * from './tracing';

// Starting engines against servers that may still be settling
export { retryStart, RetryStartOptions } from './lifecycle/retry-start';
