import { DynamicModule, Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet from '@fastify/helmet';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { resolveAuthMode, TokenVerifier } from '@multitrack/auth';
import { exitOnConfigError } from '../config/load-config';
import { HttpAppConfig } from '../config/variables';
import { ProblemException, statusProblem, validationProblem } from '../errors/problem';
import { accessLog, createLogger, requestIdFor } from '../logging/logging';
import { recordHttpMetrics } from '../metrics/http-metrics';
import { Metrics } from '../metrics/metrics';
import { DOCS_PATH, OpenApiInfo, setupOpenApi } from '../openapi/setup-openapi';
import { RateLimitGuard } from '../rate-limit/rate-limit.guard';
import { refuseUnacceptableText, UnacceptableText } from '../validation/body-text';
import { closeGracefullyOnSignals } from './graceful-shutdown';
import { BODY_LIMIT_BYTES } from './http-request';
import { authOptionsFrom, PlatformModule } from './platform.module';

/** An app built by `createHttpApp`: NestJS on Fastify (decision 0230). */
export type HttpApp = NestFastifyApplication;

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
class HttpAppRoot {}

/** JSON and `application/*+json` only; anything else with a body is Fastify's 415. */
const JSON_TYPES = /^application\/([\w.+-]+\+)?json(;|$)/;

const parseJson = (body: string): unknown => {
  if (body === '') return {};
  try {
    return JSON.parse(body, refuseUnacceptableText);
  } catch (error) {
    if (error instanceof UnacceptableText)
      throw validationProblem([{ field: error.field, message: error.message }]);
    throw new ProblemException(statusProblem(400, 'the request body is not valid JSON'));
  }
};

/**
 * Builds (does not start) an HTTP app around `rootModule` with everything in this library wired
 * in, on Fastify's hooks: the request id and the NUL check on arrival, the JSON parser, then one
 * access-log line and the metrics once the answer is gone.
 */
export const createHttpApp = async (
  rootModule: Type | DynamicModule,
  { config, openApi, name, logDestination }: HttpAppOptions,
): Promise<HttpApp> => {
  resolveAuthMode(authOptionsFrom(config));
  const logger = createLogger(config.LOG_LEVEL, name, logDestination);
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: requestIdFor,
    requestIdHeader: false,
    trustProxy: config.TRUST_PROXY,
    // Stream ids and cursors in paths are longer than Fastify's default of 100 (which 404s).
    routerOptions: { maxParamLength: 2048 },
  });
  const app = await NestFactory.create<HttpApp>(
    { module: HttpAppRoot, imports: [PlatformModule.forRoot({ config, logger }), rootModule] },
    adapter,
    { bodyParser: false, bufferLogs: true, abortOnError: false },
  );
  app.useLogger(app.get(Logger));
  const fastify = adapter.getInstance();
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(JSON_TYPES, { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, parseJson(String(body)));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  // No fastify.setErrorHandler here: Nest installs its own at init (a second one would only be
  // overridden, with Fastify's FSTWRN004), which hands whatever fails before routing — 413, 415,
  // malformed JSON, the NUL check — to the ProblemFilter like any handler's exception.
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('X-Request-Id', request.id);
    // Query strings decode `%00` to U+0000, which no store takes (invalid UTF-8 becomes U+FFFD).
    done(
      /%00/.test(request.url)
        ? new ProblemException(statusProblem(400, 'the URL contains an encoded U+0000'))
        : undefined,
    );
  });
  // Swagger UI, its files and the document are Fastify routes of @nestjs/swagger, outside Nest's
  // guards: the client address is counted here, by the same limiter as every other anonymous call.
  const rateLimit = app.get(RateLimitGuard);
  fastify.addHook('onRequest', (request, _reply, done) => {
    if (!request.url.startsWith(DOCS_PATH)) return done(); // no promise for every other request
    rateLimit.admit(`ip:${request.ip}`).then(() => done(), done);
  });
  fastify.addHook('onResponse', accessLog(logger));
  fastify.addHook('onResponse', recordHttpMetrics(app.get(Metrics)));
  await app.register(helmet, {
    // Swagger UI (the only HTML served) loads its script and style from /docs itself.
    contentSecurityPolicy: { directives: { 'img-src': ["'self'", 'data:'] } },
  });
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
): Promise<HttpApp> => {
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
