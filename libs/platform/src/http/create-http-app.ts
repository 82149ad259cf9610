import { DynamicModule, Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { json } from 'express';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { resolveAuthMode, TokenVerifier } from '@multitrack/auth';
import { exitOnConfigError } from '../config/load-config';
import { HttpAppConfig } from '../config/variables';
import { problemErrorMiddleware } from '../errors/send-problem';
import { createLogger, httpLogger } from '../logging/logging';
import { httpMetricsMiddleware } from '../metrics/http-metrics.middleware';
import { Metrics } from '../metrics/metrics';
import { OpenApiInfo, setupOpenApi } from '../openapi/setup-openapi';
import { refuseNulInUrl, refuseUnstorableText } from '../validation/storable-text';
import { closeGracefullyOnSignals } from './graceful-shutdown';
import { authOptionsFrom, PlatformModule } from './platform.module';

/** API.md: bodies above 1 MiB are a 413. */
export const BODY_LIMIT = '1mb';

export interface HttpAppOptions {
  /** The app's parsed configuration; it must include `httpVariables` and `authVariables`. */
  config: HttpAppConfig;
  openApi: OpenApiInfo;
  /** The `name` field of every log line, e.g. `coordination-api`. */
  name?: string;
  /** Where log lines go; stdout when absent. */
  logDestination?: DestinationStream;
}

@Module({})
class HttpApp {}

/**
 * Builds (does not start) an HTTP app around `rootModule` with everything in this library wired in.
 * Middleware order matters: request id and access log first, so that even a request the body
 * parser refuses is logged and answered with problem+json.
 */
export const createHttpApp = async (
  rootModule: Type | DynamicModule,
  { config, openApi, name, logDestination }: HttpAppOptions,
): Promise<NestExpressApplication> => {
  resolveAuthMode(authOptionsFrom(config));
  const logger = createLogger(config.LOG_LEVEL, name, logDestination);
  const app = await NestFactory.create<NestExpressApplication>(
    { module: HttpApp, imports: [PlatformModule.forRoot({ config, logger }), rootModule] },
    { bodyParser: false, bufferLogs: true, abortOnError: false },
  );
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.use(httpLogger(logger));
  app.use(httpMetricsMiddleware(app.get(Metrics)));
  app.use(refuseNulInUrl);
  app.use(
    json({
      limit: BODY_LIMIT,
      type: ['application/json', 'application/*+json'],
      reviver: refuseUnstorableText,
    }),
  );
  app.use(problemErrorMiddleware);
  setupOpenApi(app, openApi);
  app.get(Logger).log(app.get(TokenVerifier).describe());
  return app;
};

/**
 * What every app's `main.ts` calls: create, listen on HOST:PORT, drain on SIGTERM. A configuration
 * error ends the process with one line naming the variable.
 */
export const bootstrapHttpApp = async (
  rootModule: Type | DynamicModule,
  options: HttpAppOptions,
): Promise<NestExpressApplication> => {
  try {
    const app = await createHttpApp(rootModule, options);
    await app.listen(options.config.PORT, options.config.HOST);
    closeGracefullyOnSignals(app);
    app.get(Logger).log(`listening on ${await app.getUrl()}`);
    return app;
  } catch (error) {
    return exitOnConfigError(error);
  }
};
