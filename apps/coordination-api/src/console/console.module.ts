import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { DynamicModule, Inject, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { CONSOLE_SETTINGS, ConsoleSettingsController } from './console-settings.controller';
import type { ConsoleSettings } from './console.settings';

/** The repository (or image) root: the nearest folder above this file with a package.json. */
const packageRoot = (from: string): string => {
  for (let folder = from; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'package.json'))) return folder;
    if (dirname(folder) === folder) return from;
  }
};

/** Where `npm run build` writes the console (apps/console/vite.config.ts), from dist/ or from source. */
export const CONSOLE_DIRECTORY = join(packageRoot(__dirname), 'dist', 'console');

/**
 * The web console (apps/console, decision 0200) as static files at /console, the one place that
 * knows how they are served: @fastify/static on the app's Fastify instance (decision 0230),
 * registered before the server is ready. The console itself only calls the public API; nothing
 * here needs a token. `/console/settings.json` tells it where to sign in (CONSOLE_OIDC_*).
 */
const consolePolicy = (settings: ConsoleSettings): string => {
  const provider = settings.oidc ? ` ${new URL(settings.oidc.issuer).origin}` : '';
  return [
    "default-src 'self'",
    `connect-src 'self'${provider}`,
    "img-src 'self' data:",
    "style-src 'self' 'unsafe-inline'",
    "frame-ancestors 'self'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
};

@Module({})
export class ConsoleModule implements OnModuleInit {
  constructor(
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    @Inject(CONSOLE_SETTINGS) private readonly settings: ConsoleSettings,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance() as FastifyInstance;
    // The platform's content security policy allows only this origin; the console's pages also
    // talk to the identity provider they sign in at (discovery, token endpoint). In a scope of
    // their own, so the API's routes never run this hook.
    const policy = consolePolicy(this.settings);
    void fastify.register(async (pages) => {
      pages.addHook('onSend', async (_request, reply, payload) => {
        reply.header('content-security-policy', policy);
        return payload;
      });
      await pages.register(fastifyStatic, {
        root: CONSOLE_DIRECTORY,
        prefix: '/console/',
        index: ['index.html'],
        // Swagger UI's registration already decorated the reply.
        decorateReply: false,
      });
    });
  }

  static forRoot(settings: ConsoleSettings): DynamicModule {
    return {
      module: ConsoleModule,
      controllers: [ConsoleSettingsController],
      providers: [{ provide: CONSOLE_SETTINGS, useValue: settings }],
    };
  }
}
