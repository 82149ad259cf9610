import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
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
import { RATE_LIMIT_HOLD_MS, RateLimitGuard } from '../rate-limit/rate-limit.guard';
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

const RATE_LIMIT_WINDOW_MS = 60_000;

/**
 * Everything an HTTP app shares: problem+json filter, strict validation, auth + rate limit guard,
 * logging, health and metrics. Global, so app modules inject `ReadinessChecks` and `Metrics`.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot({ config, logger }: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        // Nest's own log lines through the same pino logger; no per-request middleware (the access log
        // is a Fastify hook, and nothing reads a request-bound logger from AsyncLocalStorage).
        LoggerModule.forRoot({ pinoHttp: { logger }, useExisting: true, forRoutes: [] }),
        TerminusModule.forRoot({ logger: false }),
        ThrottlerModule.forRoot({
          throttlers: [{ ttl: RATE_LIMIT_WINDOW_MS, limit: config.RATE_LIMIT_PER_MINUTE }],
          skipIf: () => config.RATE_LIMIT_PER_MINUTE === 0,
        }),
        AuthModule.forRoot(authOptionsFrom(config)),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        ReadinessChecks,
        Metrics,
        { provide: RATE_LIMIT_HOLD_MS, useValue: config.RATE_LIMIT_HOLD_MS },
        RateLimitGuard,
        AccessGuard,
        { provide: APP_GUARD, useExisting: AccessGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_PIPE, useClass: StrictValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: DomainErrorInterceptor },
      ],
      exports: [ReadinessChecks, Metrics, AuthModule],
    };
  }
}
