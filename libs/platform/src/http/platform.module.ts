import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { AuthModule, AuthOptions } from '@multitrack/auth';
import { HttpAppConfig } from '../config/variables';
import { DomainErrorInterceptor } from '../errors/domain-error.interceptor';
import { ProblemFilter } from '../errors/problem.filter';
import { HealthController } from '../health/health.controller';
import { ReadinessChecks } from '../health/readiness-checks';
import { Metrics } from '../metrics/metrics';
import { MetricsController } from '../metrics/metrics.controller';
import { metricsExposureOf } from '../metrics/metrics-exposure';
import { METRICS_EXPOSURE, MetricsListener } from '../metrics/metrics-listener';
import { RATE_LIMIT_HOLD_MS, RATE_LIMITER, RateLimitGuard } from '../rate-limit/rate-limit.guard';
import { openRateLimiter, OpenRateLimiter } from '../rate-limit/rate-limiter';
import { StrictValidationPipe } from '../validation/validation-pipe';
import { AccessGuard } from './access.guard';

export interface PlatformOptions {
  config: HttpAppConfig;
  /** The root pino logger (`createLogger`); the one the HTTP access log writes to. */
  logger: Logger;
}

export const authOptionsFrom = (config: HttpAppConfig): AuthOptions => ({
  jwtSecret: config.AUTH_JWT_SECRET,
  jwksUrl: config.AUTH_JWKS_URL,
  issuer: config.AUTH_ISSUER,
  audience: config.AUTH_AUDIENCE,
  allowHttpJwks: config.AUTH_ALLOW_HTTP_JWKS,
  maxTokenAgeSeconds: config.AUTH_MAX_TOKEN_AGE_S,
  rolesClaim: config.AUTH_ROLES_CLAIM,
  organizationClaim: config.AUTH_ORG_CLAIM,
  jwksCooldownSeconds: config.AUTH_JWKS_COOLDOWN_S,
});

const OPEN_RATE_LIMITER = Symbol('OpenRateLimiter');

/**
 * Everything an HTTP app shares: problem+json filter, strict validation, auth + rate limit guard,
 * logging, health and metrics. Global, so app modules inject `ReadinessChecks` and `Metrics`.
 */
@Global()
@Module({})
export class PlatformModule implements OnApplicationShutdown {
  constructor(@Inject(OPEN_RATE_LIMITER) private readonly rateLimiter: OpenRateLimiter) {}

  async onApplicationShutdown(): Promise<void> {
    await this.rateLimiter.close();
  }

  static forRoot({ config, logger }: PlatformOptions): DynamicModule {
    const metricsExposure = metricsExposureOf(config);
    return {
      module: PlatformModule,
      imports: [
        // Nest's own log lines through the same pino logger; no per-request middleware (the access log
        // is a Fastify hook, and nothing reads a request-bound logger from AsyncLocalStorage).
        LoggerModule.forRoot({ pinoHttp: { logger }, useExisting: true, forRoutes: [] }),
        TerminusModule.forRoot({ logger: false }),
        AuthModule.forRoot(authOptionsFrom(config)),
      ],
      // /metrics on the API port only when METRICS_PUBLIC=true; with METRICS_PORT, MetricsListener serves it.
      controllers: [HealthController, ...(metricsExposure.kind === 'api-port' ? [MetricsController] : [])],
      providers: [
        ReadinessChecks,
        Metrics,
        { provide: METRICS_EXPOSURE, useValue: metricsExposure },
        MetricsListener,
        { provide: RATE_LIMIT_HOLD_MS, useValue: config.RATE_LIMIT_HOLD_MS },
        {
          provide: OPEN_RATE_LIMITER,
          useFactory: () =>
            openRateLimiter({
              perMinute: config.RATE_LIMIT_PER_MINUTE,
              burstPerSecond: config.RATE_LIMIT_BURST_PER_SECOND,
              redisUrl: config.RATE_LIMIT_REDIS_URL,
            }),
        },
        {
          provide: RATE_LIMITER,
          useFactory: (open: OpenRateLimiter) => open.limiter,
          inject: [OPEN_RATE_LIMITER],
        },
        RateLimitGuard,
        AccessGuard,
        { provide: APP_GUARD, useExisting: AccessGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_PIPE, useClass: StrictValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: DomainErrorInterceptor },
      ],
      exports: [ReadinessChecks, Metrics, MetricsListener, AuthModule],
    };
  }
}
